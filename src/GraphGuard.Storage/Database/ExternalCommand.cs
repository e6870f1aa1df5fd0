using System.Diagnostics;

namespace GraphGuard.Storage.Database;

/// <summary>Runs a PostgreSQL tool, as the <c>postgres</c> OS user when we are root (the server refuses root).</summary>
internal static class ExternalCommand
{
    public const string PostgresUser = "postgres";

    /// <summary>True when tools must be run through <c>runuser</c> as <see cref="PostgresUser"/>.</summary>
    public static bool RunsAsPostgres => Environment.IsPrivilegedProcess;

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct, bool asCaller = false)
    {
        var switchUser = RunsAsPostgres && !asCaller;
        var start = new ProcessStartInfo
        {
            FileName = switchUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (switchUser)
        {
            foreach (var a in new[] { "-u", PostgresUser, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return (process.ExitCode, ((await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false))).Trim());
    }

    public static async Task<string> RunCheckedAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct, bool asCaller = false)
    {
        var (code, output) = await RunAsync(program, arguments, ct, asCaller).ConfigureAwait(false);
        if (code != 0)
        {
            throw new DatabaseSetupException($"{Path.GetFileName(program)} failed (exit {code}): {output}");
        }
        return output;
    }
}
