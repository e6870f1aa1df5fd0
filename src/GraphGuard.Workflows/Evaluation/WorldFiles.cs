using System.IO.Compression;
using GraphGuard.Core.Synthetic;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>Writes a generated world into a folder: what <c>generate</c> and the leave-families-out evaluation run.</summary>
public static class WorldFiles
{
    /// <param name="dir">The folder (created if missing; its world files are replaced).</param>
    /// <param name="options">What to generate.</param>
    /// <param name="gzip">Write <c>.csv.gz</c> files.</param>
    /// <param name="progress">Receives the fraction written.</param>
    /// <param name="ct">Cancellation.</param>
    public static WorldSummary Write(string dir, WorldOptions options, bool gzip, IProgress<double>? progress, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        foreach (var name in WorldStreams.FileNames)
        {
            // A folder must not end up with both name.csv and name.csv.gz from two runs.
            File.Delete(Path.Combine(dir, gzip ? name : name + ".gz"));
        }
        using var streams = WorldStreams.Open(name =>
        {
            Stream file = new FileStream(Path.Combine(dir, gzip ? name + ".gz" : name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            return gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        });
        return WorldGenerator.Generate(options, streams, progress, ct);
    }
}
