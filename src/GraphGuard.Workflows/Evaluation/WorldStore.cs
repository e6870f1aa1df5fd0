using System.Text.RegularExpressions;
using GraphGuard.Storage.Ingest;
using Npgsql;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>A generated world's own database: one per world folder, so worlds never mix and re-running reuses the ingested data.</summary>
public static partial class WorldStore
{
    /// <summary>The database a world folder is evaluated in: <c>graphguard_eval_&lt;folder name&gt;</c>.</summary>
    public static string DatabaseFor(string dir)
    {
        var name = NotAllowed().Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)).ToLowerInvariant(), "_");
        return $"graphguard_eval_{name}"[..Math.Min(63, 16 + name.Length)];
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
