using GraphGuard.Learning.Risk;

namespace GraphGuard.Workflows.Risk;

/// <summary>A risk model artifact on disk: the files of <see cref="RiskArtifact"/> in one folder.</summary>
public static class ModelFolder
{
    /// <summary>Where <c>train</c> writes when no --out is given: <c>models/risk-&lt;UTC time&gt;</c>.</summary>
    public static string DefaultOut() => Path.Combine("models", $"risk-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

    /// <summary>Writes every file (replacing the folder's earlier ones); returns the total bytes.</summary>
    public static long Write(string dir, RiskModel model)
    {
        Directory.CreateDirectory(dir);
        long bytes = 0;
        foreach (var (name, content) in RiskArtifact.Write(model))
        {
            File.WriteAllBytes(Path.Combine(dir, name), content);
            bytes += content.Length;
        }
        // A model trained without an embedding must not be read back with an older run's.
        if (model.Embedding is null)
        {
            File.Delete(Path.Combine(dir, RiskArtifact.EmbeddingModelFile));
            File.Delete(Path.Combine(dir, RiskArtifact.EmbeddingScalerFile));
        }
        return bytes;
    }

    public static RiskModel Read(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"{dir}: no such model folder");
        }
        var files = Directory.EnumerateFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        try
        {
            return RiskArtifact.Read(files);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{dir}: {e.Message}", e);
        }
    }

    /// <summary>The version a folder's model carries: its folder name.</summary>
    public static string VersionOf(string dir) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
}
