namespace GraphGuard.Core.Graph;

/// <summary>Growable struct-of-arrays event columns in native memory, for <see cref="InteractionGraphBuilder"/>.</summary>
internal sealed class EdgeColumns : IDisposable
{
    public NativeArray<int> Actors { get; private set; } = NativeArray<int>.Uninitialized(1024);
    public NativeArray<int> Targets { get; private set; } = NativeArray<int>.Uninitialized(1024);
    public NativeArray<int> Times { get; private set; } = NativeArray<int>.Uninitialized(1024);
    public NativeArray<byte> ActionCodes { get; private set; } = NativeArray<byte>.Uninitialized(1024);

    public long Count { get; private set; }

    public void Add(int actor, int target, byte action, int time)
    {
        if (Count == Actors.Length)
        {
            var capacity = Actors.Length * 2;
            Actors = Actors.Grow(capacity, Count);
            Targets = Targets.Grow(capacity, Count);
            Times = Times.Grow(capacity, Count);
            ActionCodes = ActionCodes.Grow(capacity, Count);
        }
        Actors[Count] = actor;
        Targets[Count] = target;
        Times[Count] = time;
        ActionCodes[Count] = action;
        Count++;
    }

    public void Validate(int nodeCount)
    {
        for (long i = 0; i < Count; i++)
        {
            if ((uint)Actors[i] >= (uint)nodeCount || (uint)Targets[i] >= (uint)nodeCount)
            {
                throw new ArgumentException($"event {Actors[i]} -> {Targets[i]} names a node outside 0..{nodeCount - 1}");
            }
        }
    }

    public void Dispose()
    {
        Actors.Dispose();
        Targets.Dispose();
        Times.Dispose();
        ActionCodes.Dispose();
    }
}
