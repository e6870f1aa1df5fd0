using System.Diagnostics;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tensors;
using GraphGuard.Learning.Tests.Tensors;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>
/// Epoch time and inference throughput on a mid-size random graph. Explicit: it takes minutes of CPU, so it
/// runs only when named: <c>dotnet test tests/GraphGuard.Learning.Tests -c Release --filter SageEpochTiming</c>.
/// </summary>
[Explicit("timing run, minutes of CPU")]
public sealed class SageEpochTiming
{
    [TestCase(100_000, 500_000, 32)]
    public void Epoch_time_and_embeddings_per_second_on_a_random_graph(int nodes, int edgesPerRelation, int width)
    {
        var watch = Stopwatch.StartNew();
        var graph = TestGraphs.Graph(nodes, TestGraphs.Sparse(nodes, edgesPerRelation, seed: 1), TestGraphs.Sparse(nodes, edgesPerRelation, seed: 2));
        var features = TestGraphs.Gaussian(nodes, width, seed: 3);
        var train = Enumerable.Range(0, nodes).Where(v => v % 5 < 2).ToArray();
        var labels = new SageSupervision(train, [.. train.Select(v => features[v * width] + features[(v * width) + 1] > 1.5f)]);
        TestContext.Out.WriteLine($"{nodes} nodes, 2 relations x {edgesPerRelation} undirected edges, {width} features; built in {watch.Elapsed.TotalSeconds:F1} s");

        var options = new SageOptions { Epochs = 2 };
        foreach (var (name, supervision) in new[] { ("supervised, 40% labeled", labels), ("unsupervised", (SageSupervision?)null) })
        {
            using var backend = new TimedBackend(new CpuTensorBackend());
            var model = GraphSageTrainer.Train(graph, features, supervision, options, backend, null, CancellationToken.None);
            foreach (var epoch in model.History)
            {
                TestContext.Out.WriteLine($"{name} epoch {epoch.Epoch}: {epoch.Duration.TotalSeconds:F2} s, {epoch.Batches} batches, loss {epoch.Loss:F4}");
            }
            TestContext.Out.WriteLine($"  backend time by op over {options.Epochs} epochs: " + string.Join(", ", backend.Times.Take(8).Select(t => $"{t.Op} {t.Time.TotalSeconds:F2} s" + (backend.Flops.TryGetValue(t.Op, out var f) ? $" ({f / t.Time.TotalSeconds / 1e9:F1} GFLOP/s)" : ""))));
            watch.Restart();
            var embeddings = model.Embed(graph, features);
            TestContext.Out.WriteLine($"{name} inference: {watch.Elapsed.TotalSeconds:F2} s, {nodes / watch.Elapsed.TotalSeconds:F0} embeddings/s ({embeddings.Length / nodes} dims)");
        }
    }
}
