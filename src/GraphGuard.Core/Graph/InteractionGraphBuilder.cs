using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Graph;

/// <summary>
/// Collects events (actor, target, action, time) and builds an <see cref="InteractionGraph"/>.
/// Events may come from several threads, each through its own <see cref="Batch"/>; the build is a
/// counting sort per direction, with the per-node ordering (time, neighbour) done in parallel.
/// </summary>
public sealed class InteractionGraphBuilder(byte[] nodeKinds, DateTime timeBase, IReadOnlyList<string> actions)
{
    private readonly List<Batch> _batches = [];

    /// <summary>A buffer of events filled by one thread.</summary>
    public sealed class Batch : IDisposable
    {
        internal EdgeColumns Columns { get; } = new();

        public void Add(int actor, int target, byte action, int time) => Columns.Add(actor, target, action, time);

        public long Count => Columns.Count;

        public void Dispose() => Columns.Dispose();
    }

    /// <summary>A new buffer, owned by the builder (build disposes it).</summary>
    public Batch NewBatch()
    {
        var batch = new Batch();
        lock (_batches)
        {
            _batches.Add(batch);
        }
        return batch;
    }

    public InteractionGraph Build()
    {
        try
        {
            var n = nodeKinds.Length;
            foreach (var batch in _batches)
            {
                batch.Columns.Validate(n);
            }
            var outgoing = BuildDirection(n, reverse: false);
            var incoming = BuildDirection(n, reverse: true);
            return new InteractionGraph(nodeKinds, timeBase, actions, outgoing, incoming);
        }
        finally
        {
            foreach (var batch in _batches)
            {
                batch.Dispose();
            }
        }
    }

    private InteractionGraph.Direction BuildDirection(int n, bool reverse)
    {
        var offsets = new long[n + 1];
        foreach (var b in _batches)
        {
            var from = reverse ? b.Columns.Targets : b.Columns.Actors;
            for (long i = 0; i < b.Count; i++)
            {
                offsets[from[i] + 1]++;
            }
        }
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var total = offsets[n];
        var neighbors = NativeArray<int>.Uninitialized(total);
        var times = NativeArray<int>.Uninitialized(total);
        var acts = NativeArray<byte>.Uninitialized(total);
        var cursor = (long[])offsets.Clone();
        foreach (var b in _batches)
        {
            var (from, to) = reverse ? (b.Columns.Targets, b.Columns.Actors) : (b.Columns.Actors, b.Columns.Targets);
            for (long i = 0; i < b.Count; i++)
            {
                var at = cursor[from[i]]++;
                neighbors[at] = to[i];
                times[at] = b.Columns.Times[i];
                acts[at] = b.Columns.ActionCodes[i];
            }
        }
        SortByTime(offsets, neighbors, times, acts);
        return new InteractionGraph.Direction(offsets, neighbors, times, acts);
    }

    // Time order makes windows and bursts a scan; the neighbour, then the action, break ties so builds are deterministic.
    private static void SortByTime(long[] offsets, NativeArray<int> neighbors, NativeArray<int> times, NativeArray<byte> actions)
    {
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, offsets.Length - 1, 4096), range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                var degree = (int)(offsets[v + 1] - offsets[v]);
                if (degree > 1)
                {
                    SortNode(times.AsSpan(offsets[v], degree), neighbors.AsSpan(offsets[v], degree), actions.AsSpan(offsets[v], degree));
                }
            }
        });
    }

    private static void SortNode(Span<int> times, Span<int> neighbors, Span<byte> actions)
    {
        var sorted = true;
        for (var i = 1; i < times.Length && sorted; i++)
        {
            sorted = times[i - 1] < times[i] || (times[i - 1] == times[i]
                && (neighbors[i - 1] < neighbors[i] || (neighbors[i - 1] == neighbors[i] && actions[i - 1] <= actions[i])));
        }
        if (sorted)
        {
            return;
        }
        var keys = System.Buffers.ArrayPool<long>.Shared.Rent(times.Length);
        var payload = System.Buffers.ArrayPool<long>.Shared.Rent(times.Length);
        try
        {
            // Key: time then neighbour; payload: neighbour and action, so one sort moves all three columns.
            for (var i = 0; i < times.Length; i++)
            {
                keys[i] = ((long)times[i] << 32) | (uint)neighbors[i];
                payload[i] = ((long)actions[i] << 32) | (uint)neighbors[i];
            }
            Array.Sort(keys, payload, 0, times.Length);
            // Equal keys (one neighbour twice in a second, by different actions) come out of the unstable sort
            // in input order, which follows the parallel readers: order them by action too.
            for (int from = 0, to = 1; from < times.Length; from = to++)
            {
                while (to < times.Length && keys[to] == keys[from])
                {
                    to++;
                }
                if (to - from > 1)
                {
                    Array.Sort(payload, from, to - from);
                }
            }
            for (var i = 0; i < times.Length; i++)
            {
                times[i] = (int)(keys[i] >> 32);
                neighbors[i] = (int)payload[i];
                actions[i] = (byte)(payload[i] >> 32);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(keys);
            System.Buffers.ArrayPool<long>.Shared.Return(payload);
        }
    }
}
