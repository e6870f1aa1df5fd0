using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// A folder in format v1: finds each known file as <c>name.csv</c> or <c>name.csv.gz</c>, in load order.
/// Other files (a generator's truth.csv, say) are not read.
/// </summary>
public sealed class InterchangeFolder
{
    private InterchangeFolder(string path, IReadOnlyList<(FileSchema Schema, string Path)> files)
    {
        FullPath = path;
        Files = files;
    }

    public string FullPath { get; }

    /// <summary>The files present, in load order.</summary>
    public IReadOnlyList<(FileSchema Schema, string Path)> Files { get; }

    public static InterchangeFolder Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{full}: no such folder");
        }
        var files = new List<(FileSchema, string)>();
        foreach (var schema in FileSchema.All)
        {
            var plain = Path.Combine(full, schema.BaseName + ".csv");
            var gzip = plain + ".gz";
            if (File.Exists(plain) && File.Exists(gzip))
            {
                throw new InvalidDataException($"{full}: both {schema.BaseName}.csv and {schema.BaseName}.csv.gz exist; keep one");
            }
            if (File.Exists(plain) || File.Exists(gzip))
            {
                files.Add((schema, File.Exists(plain) ? plain : gzip));
            }
        }
        return new InterchangeFolder(full, files);
    }

    /// <summary>Opens a file for streaming, decompressing <c>.gz</c> with an integrity check.</summary>
    public static Stream OpenRead(string path, out FileStream underlying)
    {
        underlying = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? new GzipIntegrityStream(underlying) : underlying;
    }
}
