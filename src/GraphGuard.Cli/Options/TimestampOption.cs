using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GraphGuard.Cli.Options;

/// <summary>
/// A timestamp option, one spelling for every command: ISO 8601 with its zone (<c>Z</c> or an offset), read as UTC.
/// One without a zone is refused, since it would be read in whatever zone the machine is in.
/// </summary>
internal static class TimestampOption
{
    public static Option<DateTime?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "timestamp",
        CustomParser = result => Parse(name, result),
    };

    private static DateTime? Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!HasZone(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            result.AddError($"{name} '{text}': give an ISO 8601 timestamp with its zone, e.g. 2026-10-01T00:00:00Z or 2026-10-01T02:00:00+02:00");
            return null;
        }
        return at.UtcDateTime;
    }

    // A zone is a trailing Z or a +hh:mm / -hh:mm offset after the time (a date's own dashes come before the T).
    private static bool HasZone(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(time).IndexOfAny('+', '-') > 0);
    }
}
