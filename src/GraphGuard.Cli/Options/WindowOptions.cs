using System.CommandLine;
using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Cli.Options;

/// <summary>
/// <c>--from</c> and <c>--to</c>, declared once for every command that reads a window of events (timestamps with
/// their zone, see <see cref="TimestampOption"/>).
/// </summary>
internal sealed class WindowOptions
{
    public Option<DateTime?> From { get; } = TimestampOption.Create("--from", "Window start (inclusive), with its zone, e.g. 2026-10-01T00:00:00Z; default: all data");

    public Option<DateTime?> To { get; } = TimestampOption.Create("--to", "Window end (exclusive), with its zone; default: all data");

    /// <summary>Adds both options to <paramref name="command"/>, and returns it.</summary>
    public Command On(Command command)
    {
        command.Add(From);
        command.Add(To);
        return command;
    }

    public SnapshotWindow Read(ParseResult parse) => new(parse.GetValue(From), parse.GetValue(To));
}
