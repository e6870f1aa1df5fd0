using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Workflows.Datasets;

/// <summary>
/// Reads a benchmark folder (the layout of <c>shared/datasets/*</c>): <c>features.csv</c> (<c>node_id,f0,...</c>,
/// one row per node 0..n-1 in any order), <c>labels.csv</c> (<c>node_id,label</c>, 0 or 1, every node once) and
/// one <c>edges_&lt;relation&gt;.csv</c> per relation (<c>src,dst</c>, undirected). Bad input fails with the
/// file, line and field.
/// </summary>
public static class DatasetFolder
{
    private const string FeaturesFile = "features.csv";
    private const string LabelsFile = "labels.csv";
    private const string EdgesPrefix = "edges_";

    // Each undirected edge is listed once; a repeat adds nothing and a self-loop is not a neighbour.
    private static readonly CsrBuildOptions EdgeOptions = new() { Undirected = true, DropSelfLoops = true, MergeDuplicates = true };

    public static LabeledGraph Read(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"{dir}: no such folder");
        }
        var features = ReadFeatures(Path.Combine(dir, FeaturesFile));
        var labels = ReadLabels(Path.Combine(dir, LabelsFile), features.RowCount);
        var relations = Directory.GetFiles(dir, $"{EdgesPrefix}*.csv")
            .Order(StringComparer.Ordinal)
            .Select(path => new SageRelation(Path.GetFileNameWithoutExtension(path)[EdgesPrefix.Length..], ReadEdges(path, features.RowCount)))
            .ToList();
        return new LabeledGraph(new SageGraph(features.RowCount, relations), features, labels);
    }

    private static FeatureMatrix ReadFeatures(string path)
    {
        var header = File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim().Split(',') : null;
        if (header is not { Length: > 1 } || header[0] != "node_id")
        {
            throw new InvalidDataException(header is null ? $"{path}: not found" : $"{path}:1: expected the header 'node_id,f0,f1,...'");
        }
        var nodes = File.ReadLines(path).Skip(1).Count(line => !string.IsNullOrWhiteSpace(line));
        var width = header.Length - 1;
        var values = new float[(long)nodes * width];
        var seen = new bool[nodes];
        var csv = new CsvLines(path, header);
        foreach (var (line, fields) in csv.Read())
        {
            var node = csv.Int(line, fields, 0, nodes);
            if (seen[node])
            {
                throw csv.Error($"node {node} has a second row");
            }
            seen[node] = true;
            for (var c = 0; c < width; c++)
            {
                values[((long)node * width) + c] = csv.Float(line, fields, c + 1);
            }
        }
        return new FeatureMatrix(header[1..], [.. Enumerable.Range(0, nodes)], values);
    }

    private static bool[] ReadLabels(string path, int nodes)
    {
        var labels = new bool[nodes];
        var seen = new bool[nodes];
        var csv = new CsvLines(path, ["node_id", "label"]);
        foreach (var (line, fields) in csv.Read())
        {
            var node = csv.Int(line, fields, 0, nodes);
            if (seen[node])
            {
                throw csv.Error($"node {node} has a second label");
            }
            seen[node] = true;
            labels[node] = csv.Int(line, fields, 1, 2) == 1;
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new InvalidDataException($"{path}: node {missing} (a row of {FeaturesFile}) has no label");
        }
        return labels;
    }

    private static CsrGraph ReadEdges(string path, int nodes)
    {
        using var edges = new EdgeList();
        var csv = new CsvLines(path, ["src", "dst"]);
        foreach (var (line, fields) in csv.Read())
        {
            edges.Add(csv.Int(line, fields, 0, nodes), csv.Int(line, fields, 1, nodes));
        }
        return CsrGraph.Build(nodes, edges, EdgeOptions);
    }
}
