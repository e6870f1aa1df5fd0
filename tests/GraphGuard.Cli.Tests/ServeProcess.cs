using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary>A real <c>graphguard serve</c> process on a free loopback port, with a client for it; disposing kills it.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, HttpClient client) => (_process, Client) = (process, client);

    public HttpClient Client { get; }

    /// <summary>Starts the service and waits until it answers /healthz (not necessarily ready).</summary>
    public static async Task<ServeProcess> StartAsync(string connection, params string[] options)
    {
        var port = FreePort();
        var process = Process.Start(GraphGuardProcess.StartInfo(connection, ["serve", "--urls", $"http://127.0.0.1:{port}", .. options]))!;
        var serve = new ServeProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited)
            {
                Assert.Fail("serve exited: " + await process.StandardError.ReadToEndAsync());
            }
            return await serve.AnswersAsync();
        }, "serve to answer /healthz", TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        return serve;
    }

    /// <summary>The run /readyz says is loaded, or null while not ready.</summary>
    public async Task<long?> ServedRunAsync()
    {
        using var response = await Client.GetAsync("/readyz");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("run_id").GetInt64();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        Client.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            return (await Client.GetAsync("/healthz")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
