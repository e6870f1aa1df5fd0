using Spectre.Console;

namespace GraphGuard.Terminal;

/// <summary>How output looks where it goes.</summary>
public static class TerminalProfile
{
    /// <summary>Piped output (CI logs, files, scripts) would otherwise be wrapped at 80 columns and carry escape codes.</summary>
    public static void ForRedirectedOutput()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
            AnsiConsole.Profile.Capabilities.Ansi = false;
        }
    }
}
