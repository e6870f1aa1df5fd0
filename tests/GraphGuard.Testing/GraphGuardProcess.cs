using System.Diagnostics;

namespace GraphGuard.Testing;

/// <summary>Runs the built <c>graphguard</c> (copied beside a test project that references the CLI) as a real child process against a given database.</summary>
public static class GraphGuardProcess
{
    public static ProcessStartInfo StartInfo(string? connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "graphguard.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        if (connectionString is not null)
        {
            start.Environment["GRAPHGUARD_DB"] = connectionString;
        }
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? connectionString, params string[] args)
    {
        using var process = Process.Start(StartInfo(connectionString, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs and asserts a zero exit (naming the command and its stderr otherwise); returns stdout.</summary>
    public static async Task<string> SucceedAsync(string? connectionString, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(connectionString, args);
        Assert.That(code, Is.Zero, $"graphguard {string.Join(' ', args)}: {stderr}");
        return stdout;
    }
}
