using System.CommandLine;
using System.CommandLine.Parsing;
using GraphGuard.Jobs.Scheduling;

namespace GraphGuard.Cli.Options;

/// <summary>A duration option written as pipeline definitions write them (<c>1s</c>, <c>30s</c>, <c>2m</c>, <c>14d</c>), one spelling for every command.</summary>
internal static class DurationOption
{
    public static Option<TimeSpan> Create(string name, string description, string defaultValue) => new(name)
    {
        Description = $"{description} (e.g. 1s, 30s, 2m)",
        HelpName = "duration",
        DefaultValueFactory = _ => PipelineDefinitionFile.TryParseDuration(defaultValue, out var d) ? d : throw new ArgumentException(defaultValue),
        CustomParser = result => Parse(name, result) ?? default,
    };

    /// <summary>A duration option without a default: null when not given.</summary>
    public static Option<TimeSpan?> Optional(string name, string description) => new(name)
    {
        Description = $"{description} (e.g. 12h, 14d, 2w)",
        HelpName = "duration",
        CustomParser = result => Parse(name, result),
    };

    private static TimeSpan? Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (PipelineDefinitionFile.TryParseDuration(text, out var d))
        {
            return d;
        }
        result.AddError($"{name}: expected a duration like 1s, 30s or 2m, got '{text}'");
        return null;
    }
}
