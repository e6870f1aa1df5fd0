using System.CommandLine;
using GraphGuard.Jobs.Scheduling;

namespace GraphGuard.Cli.Options;

/// <summary>A duration option written as pipeline definitions write them (<c>1s</c>, <c>30s</c>, <c>2m</c>), one spelling for every command.</summary>
internal static class DurationOption
{
    public static Option<TimeSpan> Create(string name, string description, string defaultValue) => new(name)
    {
        Description = $"{description} (e.g. 1s, 30s, 2m)",
        HelpName = "duration",
        DefaultValueFactory = _ => PipelineDefinitionFile.TryParseDuration(defaultValue, out var d) ? d : throw new ArgumentException(defaultValue),
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (PipelineDefinitionFile.TryParseDuration(text, out var d))
            {
                return d;
            }
            result.AddError($"{name}: expected a duration like 1s, 30s or 2m, got '{text}'");
            return default;
        },
    };
}
