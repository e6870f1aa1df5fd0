using System.Net.Http.Headers;
using GraphGuard.Api.Security;
using GraphGuard.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GraphGuard.Api.Tests;

/// <summary>The scoring service on a real Kestrel at 127.0.0.1 (a free port), over its own fresh test database.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(WebApplication app, NpgsqlDataSource dataSource, string connectionString)
    {
        _app = app;
        DataSource = dataSource;
        ConnectionString = connectionString;
        Address = ScoringService.Address(app);
    }

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString { get; }

    public Uri Address { get; }

    /// <summary>Every route the service maps, as its endpoint table holds them.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];

    /// <param name="name">Names the test database (gg_test_api_NAME).</param>
    /// <param name="seed">Writes fixture rows before the service starts.</param>
    /// <param name="checkInterval">The periodic check; long by default so tests see what NOTIFY alone does.</param>
    /// <param name="logging">More logging for the service (a <see cref="LogLines"/> to read what it logs).</param>
    /// <param name="serviceConnection">Rewrites the connection string the service gets (to reach the database through a <see cref="DatabaseLink"/>).</param>
    public static async Task<ServiceHost> StartAsync(string name, Func<NpgsqlDataSource, Task>? seed = null, TimeSpan? checkInterval = null,
        Func<string, string>? serviceConnection = null, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null)
    {
        var connectionString = await TestDatabase.CreateAsync("api_" + name);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        if (seed is not null)
        {
            await seed(dataSource);
        }
        var app = ScoringService.Build(new ScoringServiceOptions
        {
            ConnectionString = serviceConnection?.Invoke(connectionString) ?? connectionString,
            Logging = logging,
            Urls = "http://127.0.0.1:0",
            CheckInterval = checkInterval ?? TimeSpan.FromMinutes(5),
        });
        await app.StartAsync();
        return new ServiceHost(app, dataSource, connectionString);
    }

    /// <summary>The service over <see cref="ScoringWorld.PublishedAsync"/>'s world, once it serves that run; with the run's cluster.</summary>
    public static async Task<(ServiceHost Host, long ClusterId)> StartPublishedAsync(string name, Func<string, string>? serviceConnection = null,
        Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null)
    {
        long runId = 0, clusterId = 0;
        var host = await StartAsync(name, async db => (runId, clusterId) = await ScoringWorld.PublishedAsync(db), serviceConnection: serviceConnection, logging: logging);
        await host.WaitForRunAsync(runId);
        return (host, clusterId);
    }

    /// <summary>A client that sends <paramref name="key"/> as a bearer token (none: no key).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    /// <summary>Creates a key; the service learns of it by NOTIFY, so this waits until it is accepted.</summary>
    public async Task<string> KeyAsync(string name, int rate = 100_000, params string[] scopes)
    {
        var key = await ApiKeyStore.CreateAsync(DataSource, name, scopes, rate);
        using var client = Client(key);
        await Eventually.HoldsAsync(async () => (int)(await client.GetAsync("/v1/accounts/probe/risk")).StatusCode != 401, $"key {name} accepted");
        return key;
    }

    /// <summary>Waits until the service serves <paramref name="runId"/>.</summary>
    public async Task WaitForRunAsync(long runId)
    {
        using var client = Client();
        await Eventually.HoldsAsync(async () =>
        {
            var ready = await client.GetAsync("/readyz");
            return ready.IsSuccessStatusCode && (await ready.Content.ReadAsStringAsync()).Contains($"\"run_id\":{runId},", StringComparison.Ordinal);
        }, $"run {runId} served");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
