using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Cli.Options;

/// <summary>
/// <c>--from</c> and <c>--to</c>, declared once for every command that reads a window of events. A timestamp must
/// say its zone (<c>Z</c> or an offset): one without would be read in whatever zone the machine is in.
/// </summary>
internal sealed class WindowOptions
{
    public Option<DateTime?> From { get; } = Timestamp("--from", "Window start (inclusive), with its zone, e.g. 2026-10-01T00:00:00Z; default: all data");

    public Option<DateTime?> To { get; } = Timestamp("--to", "Window end (exclusive), with its zone; default: all data");

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public WindowOptions On(Command command)
    {
        command.Add(From);
        command.Add(To);
        return this;
    }

    public SnapshotWindow Read(ParseResult parse) => new(parse.GetValue(From), parse.GetValue(To));

    /// <summary>An ISO 8601 timestamp with its zone, as UTC.</summary>
    private static Option<DateTime?> Timestamp(string name, string description) => new(name)
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
