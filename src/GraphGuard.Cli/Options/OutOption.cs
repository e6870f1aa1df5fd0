using System.CommandLine;

namespace GraphGuard.Cli.Options;

/// <summary>
/// <c>--out</c>, declared here for every command: it takes a file or a folder, typed and named so in help
/// (<c>--out &lt;file&gt;</c>, <c>--out &lt;dir&gt;</c>). A path is shown back as it was given.
/// </summary>
internal static class OutOption
{
    public static Option<FileInfo> File(string description, bool required = false) =>
        new("--out") { Description = description, HelpName = "file", Required = required };

    public static Option<DirectoryInfo> Folder(string description, bool required = false) =>
        new("--out") { Description = description, HelpName = "dir", Required = required };
}
