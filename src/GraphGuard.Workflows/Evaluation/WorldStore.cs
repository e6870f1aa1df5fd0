using System.Text.RegularExpressions;
using GraphGuard.Storage.Ingest;
using Npgsql;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>A generated world's own database: one per world folder, so worlds never mix and re-running reuses the ingested data.</summary>
public static partial class WorldStore
{
    /// <summary>
    /// The database a world folder is evaluated in: <c>graphguard_eval_&lt;folder name&gt;_&lt;fingerprint&gt;</c>. The
    /// fingerprint reads the folder's files, so another world written under the same name (a new generator, a new
    /// seed) gets a database of its own instead of being scored against the old world's rows, which an idempotent
    /// ingest would keep.
    /// </summary>
    public static string DatabaseFor(string dir)
    {
        var name = NotAllowed().Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)).ToLowerInvariant(), "_");
        return $"graphguard_eval_{name[..Math.Min(name.Length, 38)]}_{Fingerprint(dir)}";
    }

    /// <summary>Eight hex digits over each file's name and length and the whole of the truth files (small).</summary>
    private static string Fingerprint(string dir)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{info.Name}:{info.Length};"));
            if (info.Name is "truth.csv" or "lookalikes.csv")
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..8];
    }

    /// <summary>Ingests the world (idempotent: a second call loads nothing new); throws when the ingest failed.</summary>
    private static async Task IngestAsync(NpgsqlDataSource dataSource, string dir, IProgress<IngestProgress>? progress, CancellationToken ct = default)
    {
        var ingest = await new Ingestor(dataSource, new IngestOptions()).IngestAsync(dir, progress, ct).ConfigureAwait(false);
        if (!ingest.Succeeded)
        {
            throw new InvalidOperationException($"ingesting {dir} failed; see 'graphguard ingest {dir}'");
        }
    }

    /// <summary>The world's own database (<see cref="DatabaseFor"/>), created and migrated if missing, with the world ingested.</summary>
    public static async Task<NpgsqlDataSource> OpenIngestedAsync(string dir, IProgress<IngestProgress>? progress, CancellationToken ct = default)
    {
        var dataSource = await Database.OpenMigratedAsync(ct, DatabaseFor(dir)).ConfigureAwait(false);
        try
        {
            await IngestAsync(dataSource, dir, progress, ct).ConfigureAwait(false);
            return dataSource;
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotAllowed();
}
