namespace GraphGuard.Testing;

/// <summary>
/// Polls for a condition something reaches asynchronously (a NOTIFY handled, a run loaded, a lock released, a worker
/// registered), failing with what was awaited after a deadline: tests await conditions, never sleep.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test after <paramref name="within"/> (10 s by default).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null, TimeSpan? poll = null) =>
        await YieldsAsync(async () => await condition().ConfigureAwait(false) ? true : (bool?)null, what, within, poll).ConfigureAwait(false);

    /// <summary>Returns the first value <paramref name="probe"/> yields (null: not yet); fails the test after <paramref name="within"/> (10 s by default).</summary>
    public static async Task<T> YieldsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null, TimeSpan? poll = null)
        where T : struct
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await probe().ConfigureAwait(false) is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }
            await Task.Delay(poll ?? DefaultPoll).ConfigureAwait(false);
        }
    }
}
