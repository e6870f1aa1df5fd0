namespace GraphGuard.Tests.Shared;

/// <summary>Polls a condition the service reaches asynchronously (a NOTIFY handled, a run loaded), failing after a deadline.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }
            await Task.Delay(50);
        }
    }
}
