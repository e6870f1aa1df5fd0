using System.CommandLine;

namespace GraphGuard.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print a machine-readable JSON summary instead of tables" };
}
