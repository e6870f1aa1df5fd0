using GraphGuard.Core.Graph;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;
using Spectre.Console;
using Figure = GraphGuard.Bench.Comparisons.SageEnginesResult.Figure;

namespace GraphGuard.Bench;

internal static partial class SageEnginesBenchmark
{
    private const int ScaleFeatures = 64;

    /// <summary>
    /// Link-prediction epochs with the risk model's embedding settings (32 → 16, fan-outs 10/5, 512 anchors a batch,
    /// 5 negatives) over a random graph of three relations, then layer-wise inference of every node, per engine.
    /// </summary>
    private static IEnumerable<Figure> Scale(int accounts, long edges, int epochs, SageEngine torch, StageLog log, CancellationToken ct)
    {
        var graph = new SageGraph(accounts,
        [
            new SageRelation(RiskRelations.Infrastructure, RandomRelation(accounts, edges, seed: 1)),
            new SageRelation(RiskRelations.Engagement, RandomRelation(accounts, edges, seed: 2)),
            new SageRelation(RiskRelations.Follows, RandomRelation(accounts, edges, seed: 3)),
        ]);
        var random = new Random(4);
        var features = new float[(long)accounts * ScaleFeatures];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (float)((random.NextDouble() * 2) - 1);
        }
        log.Done("random graph", $"{accounts:N0} nodes, 3 relations of {edges:N0} random ties, {ScaleFeatures} features");
        var options = new RiskTrainingOptions().Embedding! with { Epochs = epochs };
        var figures = new Dictionary<SageEngine, (SageEpoch? Epoch, double Inference, long Memory)>();
        foreach (var engine in new[] { SageEngine.HandWritten, torch })
        {
            using var peak = new WorkingSetPeak();
            var model = engine.Train(graph, features, null, options, null, ct);
            Time(() => engine.Embed(model, graph, features, ct), out var inference);
            figures[engine] = (model.History.Count > 0 ? model.History[^1] : null, inference, peak.Bytes);
            var epoch = model.History.Count > 0 ? $"last epoch {model.History[^1].Duration.TotalSeconds:0.0} s ({model.History[^1].Batches} batches), " : "";
            log.Done($"scale, {engine.Name}", $"{epoch}inference {inference:0.0} s");
        }
        var (ours, theirs) = (figures[SageEngine.HandWritten], figures[torch]);
        var part = $"random graph, {accounts:N0} nodes, 3 × {edges:N0} ties";
        var timed = new List<Figure>();
        if (ours.Epoch is { } a && theirs.Epoch is { } b)
        {
            timed.Add(new Figure(part, $"link-prediction epoch ({a.Batches:N0} batches)", a.Duration.TotalSeconds, b.Duration.TotalSeconds, "s"));
            timed.Add(new Figure(part, "training target nodes/s", a.TargetNodes / a.Duration.TotalSeconds, b.TargetNodes / b.Duration.TotalSeconds, "/s"));
        }
        return
        [
            .. timed,
            new Figure(part, "inference, every node", ours.Inference, theirs.Inference, "s"),
            new Figure(part, "embeddings/s", accounts / ours.Inference, accounts / theirs.Inference, "/s"),
            new Figure(part, "peak memory above start", ours.Memory / 1048576.0, theirs.Memory / 1048576.0, "MiB"),
        ];
    }

    private static CsrGraph RandomRelation(int nodes, long ties, int seed)
    {
        var random = new Random(seed);
        using var list = new EdgeList(ties);
        for (long e = 0; e < ties; e++)
        {
            list.Add(random.Next(nodes), random.Next(nodes));
        }
        return CsrGraph.Build(nodes, list, new CsrBuildOptions { Undirected = true, DropSelfLoops = true, MergeDuplicates = true });
    }

    private static void Print(Comparisons.SageEnginesResult result)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"{result.Torch}; {result.LoadAtStart} at the start, {result.LoadAtEnd} at the end"));
        var table = new Table().AddColumns("part", "measure", "ours", "libtorch", "libtorch / ours");
        foreach (var f in result.Figures)
        {
            table.AddRow(Markup.Escape(f.Part), Markup.Escape(f.Measure), Format(f.Ours, f.Unit), Format(f.Torch, f.Unit), $"{f.Ratio:0.000}");
        }
        AnsiConsole.Write(table);
    }

    private static string Format(double value, string unit) => unit switch
    {
        "" => $"{value:0.0000}",
        "/s" => $"{value:N0}/s",
        _ => $"{value:0.0} {unit}",
    };
}
