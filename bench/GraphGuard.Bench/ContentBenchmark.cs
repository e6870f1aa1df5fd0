using System.CommandLine;
using GraphGuard.Bench.Comparisons;
using GraphGuard.Storage.Content;
using GraphGuard.Storage.Database;
using GraphGuard.Workflows.Content;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench content</c>: our ML.NET text classifiers beside scikit-learn's TF-IDF + logistic
/// regression, trained and measured on the same split of the reviewers' verdicts (held-out authors).
/// </summary>
internal static class ContentBenchmark
{
    public static Command Create()
    {
        var database = new Option<string>("--database") { Description = "The database holding the world", DefaultValueFactory = _ => IngestBenchmark.BenchDatabase };
        var command = new Command("content", "Text classifiers (ML.NET) beside scikit-learn's TF-IDF + logistic regression on the same verdict split: AUROC, AUPRC, seconds") { database };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = NpgsqlDataSource.Create(await DatabaseConnector.ResolveAsync(parse.GetValue(database), ct));
            var split = VerdictSplit.Of(await ContentTextReader.ReadVerdictsAsync(dataSource, ct));
            var labels = split.Labels(ContentModelTraining.MinimumPositives);
            if (labels.Count == 0)
            {
                throw new InvalidOperationException("no policy has enough reviewed positives: ingest a world with content_labels.csv (format v1.1)");
            }
            var ours = labels.ToDictionary(l => l, l => ContentModelTraining.TrainOne(split, l, "bench").Card);
            var reference = await SklearnTextReference.RunAsync(split, labels, ct);
            var table = new Table().Title($"content models: {split.Train.Count:N0} training and {split.HeldOut.Count:N0} held-out verdicts (held-out authors)")
                .AddColumns("policy", "held out +", "ML.NET AUROC", "sklearn AUROC", "ML.NET AUPRC", "sklearn AUPRC", "ML.NET s", "sklearn s", "time ratio");
            foreach (var label in labels)
            {
                var (o, r) = (ours[label], reference[label]);
                table.AddRow(label, $"{o.HeldOutPositives:N0}", $"{o.Auroc:0.0000}", $"{r.Auroc:0.0000}", $"{o.Auprc:0.0000}", $"{r.Auprc:0.0000}",
                    $"{o.TrainSeconds:0.00}", $"{r.Seconds:0.00}", $"{o.TrainSeconds / r.Seconds:0.00}x");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
