using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests.Workspace;

/// <summary>
/// web/tests/driver.mjs as a child process: one headless Chromium (Debian's, through playwright-core) shared by
/// every scenario of a fixture. A scenario is a JSON line in and a JSON line out.
/// </summary>
internal sealed class BrowserDriver : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private int _next;

    private BrowserDriver(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static async Task<BrowserDriver> StartAsync()
    {
        var web = Path.Combine(TestDatabase.RepositoryRoot(), "web");
        Assert.That(Path.Combine(web, "node_modules", "playwright-core"), Does.Exist, "web/node_modules is missing: run scripts/setup.sh");
        var start = new ProcessStartInfo("node", ["tests/driver.mjs"])
        {
            WorkingDirectory = web,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var driver = new BrowserDriver(Process.Start(start)!);
        await driver.ReadAsync(0, TimeSpan.FromSeconds(60));
        return driver;
    }

    /// <summary>Runs a scenario of web/tests/scenarios.mjs; fails the test with the browser's error when it fails.</summary>
    public async Task<JsonNode?> RunAsync(string scenario, object args, TimeSpan? timeout = null)
    {
        var id = ++_next;
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { id, scenario, args }));
        await _process.StandardInput.FlushAsync();
        return await ReadAsync(id, timeout ?? TimeSpan.FromSeconds(90));
    }

    private async Task<JsonNode?> ReadAsync(int id, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the browser driver did not answer request {id} within {timeout.TotalSeconds:0} s");
            return null;
        }
        if (line is null)
        {
            Assert.Fail("the browser driver exited: " + await _stderr);
        }
        var answer = JsonNode.Parse(line!)!;
        Assert.That(answer["id"]!.GetValue<int>(), Is.EqualTo(id), "answers come in order");
        if (!answer["ok"]!.GetValue<bool>())
        {
            Assert.Fail("browser scenario failed: " + answer["error"]);
        }
        return answer["result"];
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
