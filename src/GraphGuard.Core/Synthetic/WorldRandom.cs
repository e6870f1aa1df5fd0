namespace GraphGuard.Core.Synthetic;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018). <see cref="Random"/> is avoided because its seeded algorithm
/// is slower and not promised to stay the same across runtimes; the files must not change with the SDK.
/// </summary>
internal sealed class WorldRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public WorldRandom(ulong seed, ulong stream)
    {
        ulong x = StableHash.Mix(seed, stream);
        _s0 = StableHash.Mix(x, 1);
        _s1 = StableHash.Mix(x, 2);
        _s2 = StableHash.Mix(x, 3);
        _s3 = StableHash.Mix(x, 4);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n), n &gt; 0.</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform in [low, high).</summary>
    public int Between(int low, int high) => low + Next(high - low);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    public void Shuffle<T>(T[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public double Gaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Gaussian());

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Pareto with minimum 1 and tail index <paramref name="alpha"/>.</summary>
    public double Pareto(double alpha) => Math.Pow(1.0 - NextDouble(), -1.0 / alpha);

    /// <summary>A count with the given mean: the fraction is rounded up at random, so means add up exactly.</summary>
    public int Count(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        int whole = (int)mean;
        return NextDouble() < mean - whole ? whole + 1 : whole;
    }
}
