using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Core.Detection.Media;
using GraphGuard.Storage.Content;
using GraphGuard.Storage.Database;
using GraphGuard.Workflows.Content;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench content-speed</c>: how fast a trained text classifier scores a million texts, and how
/// fast multi-index hashing finds the near-duplicate clips among two million media hashes.
/// </summary>
internal static class ContentSpeedBenchmark
{
    public static Command Create()
    {
        var database = new Option<string>("--database") { Description = "The database holding a world with reviewers' verdicts", DefaultValueFactory = _ => IngestBenchmark.BenchDatabase };
        var texts = new Option<int>("--texts") { Description = "Texts to classify (the world's own texts, repeated to this count)", DefaultValueFactory = _ => 1_000_000 };
        var hashes = new Option<int>("--hashes") { Description = "Media hashes to search: random ones, a tenth of them edited copies 1 to 4 bits away", DefaultValueFactory = _ => 2_000_000 };
        var command = new Command("content-speed", "Seconds to classify --texts texts with a trained model, and to find near-duplicate clips among --hashes hashes (within 4 bits)")
        {
            database, texts, hashes,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = NpgsqlDataSource.Create(await DatabaseConnector.ResolveAsync(parse.GetValue(database), ct));
            var split = VerdictSplit.Of(await ContentTextReader.ReadVerdictsAsync(dataSource, ct));
            var label = split.Labels(ContentModelTraining.MinimumPositives).FirstOrDefault()
                ?? throw new InvalidOperationException("no policy has enough reviewed positives: ingest a world with content_labels.csv (format v1.1)");
            var (_, model) = ContentModelTraining.TrainOne(split, label, "bench");
            var pool = split.Train.Concat(split.HeldOut).Select(v => v.Text).ToArray();
            var corpus = Enumerable.Range(0, parse.GetValue(texts)).Select(i => pool[i % pool.Length]).ToArray();
            var clock = Stopwatch.StartNew();
            var scores = model.Predict(corpus);
            var classify = clock.Elapsed.TotalSeconds;

            var media = EditedCopies(parse.GetValue(hashes), new Random(7));
            clock.Restart();
            var (_, _, clips, _) = MediaClips.Find(media, 4);
            var search = clock.Elapsed.TotalSeconds;

            var table = new Table().AddColumns("step", "items", "seconds", "items/s");
            table.AddRow($"classify ({label}; {scores.Count(p => p >= 0.5f):N0} scored ≥ 0.5)", $"{scores.Length:N0}", $"{classify:0.00}", $"{scores.Length / classify:N0}");
            table.AddRow($"near-duplicate media ({clips:N0} clips)", $"{media.Length:N0}", $"{search:0.00}", $"{media.Length / search:N0}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>Random 64-bit hashes, a tenth of them copies of another with 1 to 4 bits flipped (re-encoded, cropped, watermarked).</summary>
    private static ulong[] EditedCopies(int count, Random random)
    {
        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && random.Next(10) == 0)
            {
                var copy = hashes[random.Next(i)];
                for (var flips = random.Next(1, 5); flips > 0; flips--)
                {
                    copy ^= 1UL << random.Next(64);
                }
                hashes[i] = copy;
            }
            else
            {
                hashes[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            }
        }
        return hashes;
    }
}
