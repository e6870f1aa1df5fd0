namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Stateless hashing for facts that several chunks must agree on without talking to each other
/// (a post's time, a device's id): any chunk recomputes them from the ids alone.
/// </summary>
internal static class StableHash
{
    // SplitMix64 finalizer (Steele, Lea and Flood, OOPSLA 2014): cheap and passes BigCrush as a mixer.
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Mix(ulong a, ulong b) => Mix(a ^ Mix(b));

    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);

    public static ulong Mix(ulong a, ulong b, ulong c, ulong d) => Mix(Mix(a, b, c), d);

    /// <summary>Uniform in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
