using System.Collections.Concurrent;

namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Generates a synthetic short-video world in interchange format v1, with planted abuse campaigns and
/// ground truth. Pure computation: it only writes to the streams it is given.
/// </summary>
public static class WorldGenerator
{
    /// <summary>
    /// Writes every file of the world described by <paramref name="options"/>. The same options always
    /// produce byte-identical output, whatever the number of cores.
    /// </summary>
    /// <param name="options">What to generate; validated first.</param>
    /// <param name="streams">Where to write; the caller owns them and handles any compression.</param>
    /// <param name="progress">Receives the fraction of accounts written, from 0 to 1.</param>
    /// <param name="cancellationToken">Checked between chunks and every few hundred accounts.</param>
    /// <exception cref="ArgumentException">An option is out of range or a stream is not writable.</exception>
    public static WorldSummary Generate(
        WorldOptions options,
        WorldStreams streams,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(streams);
        options.Validate();
        streams.Validate();

        var plan = WorldPlan.Build(options);
        var writer = new WorldWriter(streams);
        var spare = new ConcurrentBag<ChunkOutput>();
        int chunks = plan.ChunkCount;

        // Implementation note: chunks are generated ahead on the thread pool and written strictly in
        // order on this thread; the window bounds memory to a few chunks' rows.
        int window = Math.Max(2, Environment.ProcessorCount * 2);
        var pending = new Queue<Task<ChunkOutput>>();
        int next = 0;
        try
        {
            for (int written = 0; written < chunks; written++)
            {
                while (next < chunks && pending.Count < window)
                {
                    pending.Enqueue(Start(plan, next++, spare, cancellationToken));
                }

                var output = pending.Dequeue().GetAwaiter().GetResult();
                writer.Write(output);
                spare.Add(output);
                progress?.Report((written + 1) / (double)chunks);
            }
        }
        finally
        {
            // Let stragglers finish before returning, so none outlives the call; their faults are moot.
            foreach (var task in pending)
            {
                ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            }
        }

        writer.Flush();
        return Summarize(plan, writer);
    }

    private static Task<ChunkOutput> Start(WorldPlan plan, int chunk, ConcurrentBag<ChunkOutput> spare, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var output = spare.TryTake(out var reused) ? reused : new ChunkOutput();
                new ChunkGenerator(plan, output, chunk).Generate(cancellationToken);
                return output;
            },
            cancellationToken);

    private static WorldSummary Summarize(WorldPlan plan, WorldWriter writer)
    {
        var accounts = new Dictionary<string, int>();
        var campaigns = new Dictionary<string, int>();
        foreach (var name in plan.Options.Scenarios.Count > 0 ? plan.Options.Scenarios : AbusePatterns.All.Select(p => p.WireName()))
        {
            accounts[name] = 0;
            campaigns[name] = 0;
        }

        foreach (var campaign in plan.Campaigns)
        {
            accounts[campaign.PatternName] += campaign.Members.Length;
            campaigns[campaign.PatternName]++;
        }

        return new WorldSummary
        {
            Accounts = writer.Accounts,
            Events = writer.Events,
            Content = writer.Content,
            ContentSignals = writer.ContentSignals,
            Labels = writer.Labels,
            ContentLabels = writer.ContentLabels,
            TruthRows = writer.Truth,
            Lookalikes = writer.Lookalikes,
            BadRows = plan.Options.BadRows,
            AbusiveAccountsByPattern = accounts,
            CampaignsByPattern = campaigns,
        };
    }
}
