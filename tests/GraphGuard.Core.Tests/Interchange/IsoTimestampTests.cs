using System.Text;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange;

public sealed class IsoTimestampTests
{
    [TestCase("2026-11-01T12:34:56Z", 2026, 11, 1, 12, 34, 56, 0)]
    [TestCase("2024-02-29T23:59:59.5Z", 2024, 2, 29, 23, 59, 59, 5_000_000)]
    [TestCase("2026-01-01T00:00:00.1234567Z", 2026, 1, 1, 0, 0, 0, 1_234_567)]
    public void Valid_utc_timestamps_parse_exactly(string text, int y, int mo, int d, int h, int mi, int s, long ticks)
    {
        Assert.That(IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var value), Is.True);
        Assert.That(value, Is.EqualTo(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddTicks(ticks)));
        Assert.That(value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [TestCase("2026-11-01 12:34:56Z")]
    [TestCase("2026-11-01T12:34:56")]
    [TestCase("2026-11-01T12:34:56+00:00")]
    [TestCase("2026-13-01T12:34:56Z")]
    [TestCase("2025-02-29T12:34:56Z")]
    [TestCase("2026-11-01T24:00:00Z")]
    [TestCase("2026-11-01T12:34:56.Z")]
    [TestCase("2026-11-01T12:34:56.123456789Z")]
    [TestCase("yesterday")]
    [TestCase("")]
    public void Anything_else_is_refused(string text) =>
        Assert.That(IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out _), Is.False);
}
