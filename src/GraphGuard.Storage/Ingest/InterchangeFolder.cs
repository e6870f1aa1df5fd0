using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// A folder in format v1: finds each known file as <c>name.csv</c> or <c>name.csv.gz</c>, in load order.
/// Other files (a generator's truth.csv, say) are not read. A file that is a symbolic link leading out of
/// the folder, or that is a directory, is refused unread: ingest reads what the folder holds, not whatever
/// a link points at.
/// </summary>
public sealed class InterchangeFolder
{
    private InterchangeFolder(string path, IReadOnlyList<InterchangeEntry> files)
    {
        FullPath = path;
        Files = files;
    }

    public string FullPath { get; }

    /// <summary>The files present, in load order, each with the reason it is refused (or null).</summary>
    public IReadOnlyList<InterchangeEntry> Files { get; }

    /// <summary>The file names ingest looks for, for messages.</summary>
    public static string KnownNames => string.Join(", ", FileSchema.All.Select(s => s.BaseName + ".csv"));

    public static InterchangeFolder Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{full}: no such folder");
        }
        var real = RealPath(full);
        var files = new List<InterchangeEntry>();
        foreach (var schema in FileSchema.All)
        {
            var plain = Path.Combine(full, schema.BaseName + ".csv");
            var gzip = plain + ".gz";
            var hasPlain = Present(plain);
            var hasGzip = Present(gzip);
            if (hasPlain && hasGzip)
            {
                throw new InvalidDataException($"{full}: both {schema.BaseName}.csv and {schema.BaseName}.csv.gz exist; keep one");
            }
            if (hasPlain || hasGzip)
            {
                var path = hasPlain ? plain : gzip;
                files.Add(new InterchangeEntry(schema, path, Refusal(path, real)));
            }
        }
        return new InterchangeFolder(full, files);
    }

    /// <summary>Whether a file, a folder or a link (even a dangling one) stands at <paramref name="path"/>.</summary>
    private static bool Present(string path) => Path.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>Why the file at <paramref name="path"/> may not be read, or null when it may.</summary>
    private static string? Refusal(string path, string realFolder)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return $"{info.Name} is a symbolic link to {info.LinkTarget}, which does not exist";
            }
            var resolved = RealPath(target.FullName);
            if (!resolved.StartsWith(realFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return $"{info.Name} is a symbolic link leading out of the folder (to {resolved}); it is not read";
            }
            info = new FileInfo(resolved);
        }
        return Directory.Exists(info.FullName) ? $"{info.Name} is a directory, not a file" : null;
    }

    /// <summary>The path with every symbolic link on the way resolved, the folders' included.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = RealPath(target.FullName);
            }
        }
        return current;
    }

    /// <summary>Opens a file for streaming, decompressing <c>.gz</c> with an integrity check.</summary>
    public static Stream OpenRead(string path, out FileStream underlying)
    {
        underlying = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return path.EndsWith(".gz", StringComparison.Ordinal) ? new GzipIntegrityStream(underlying) : underlying;
        }
        catch
        {
            underlying.Dispose();
            throw;
        }
    }
}
