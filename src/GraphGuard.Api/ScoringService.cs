using GraphGuard.Api.Dashboard;
using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace;
using GraphGuard.Api.Workspace.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphGuard.Api;

/// <summary>
/// The scoring service: Kestrel on 127.0.0.1 serving the published run from memory. Build it, then
/// <c>StartAsync</c> (tests, benchmarks), or serve until cancelled with <see cref="ServeAsync"/> (<c>graphguard serve</c>).
/// </summary>
public static class ScoringService
{
    public static WebApplication Build(ScoringServiceOptions options)
    {
        var urls = ListenUrls.Parse(options.Urls);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        // Request logging stays off the hot path; the service logs what it loads and what fails.
        builder.Logging.AddFilter("Microsoft", options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        options.Logging?.Invoke(builder.Logging);

        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ServiceState>();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<DatabaseHealth>();
        builder.Services.AddSingleton<CursorKey>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkspaceSessions>();
        builder.Services.AddHostedService(sp => new PublicationWatcher(dataSource, options.ConnectionString, sp.GetRequiredService<ServiceState>(),
            sp.GetRequiredService<ApiKeyCache>(), options,
            new PublishedGraphLoader(dataSource, sp.GetRequiredService<ServiceState>(), sp.GetRequiredService<ILogger<PublishedGraphLoader>>()),
            sp.GetRequiredService<DatabaseHealth>(), sp.GetRequiredService<CursorKey>(),
            sp.GetRequiredService<ILogger<PublicationWatcher>>()));
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            // The naming policy is the options' own, not the context's: bodies bound by the framework are snake_case too.
            j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            j.SerializerOptions.TypeInfoResolverChain.Insert(1, WorkspaceJsonContext.Default);
        });
        builder.Services.Configure<RouteHandlerOptions>(r => r.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(p => p.CustomizeProblemDetails = c =>
        {
            // A body the framework could not bind (bad JSON, wrong types): say what and where, not just "Bad Request".
            if (c.Exception is BadHttpRequestException bad)
            {
                c.ProblemDetails.Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
            }
        });
        builder.Services.AddOpenApi("v1", OpenApiSecurity.Configure);
        if (options.JobsStorage is { } jobs)
        {
            JobsDashboard.AddServices(builder.Services, jobs);
        }

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestFailureMiddleware>();
        app.UseMiddleware<MetricsMiddleware>();
        app.UseMiddleware<WorkspaceGuard>();
        app.UseMiddleware<ApiKeyMiddleware>();

        var state = app.Services.GetRequiredService<ServiceState>();
        var metrics = app.Services.GetRequiredService<ServiceMetrics>();
        EnforcementEndpoints.Map(app, state, dataSource, metrics, app.Services.GetRequiredService<CursorKey>());
        AnalystEndpoints.Map(app, state, dataSource, metrics);
        var keys = app.Services.GetRequiredService<ApiKeyCache>();
        WorkspaceSessionEndpoints.Map(app, state, app.Services.GetRequiredService<WorkspaceSessions>(), keys, metrics, options);
        WorkspaceClusterEndpoints.Map(app, state, dataSource, new ClusterQueueCache(dataSource), metrics);
        WorkspaceAccountEndpoints.Map(app, state, dataSource, metrics);
        WorkspaceDecisionEndpoints.Map(app, state, dataSource, metrics);
        ReviewEndpoints.Map(app, state, dataSource, metrics);
        PrecisionEndpoints.Map(app, state, dataSource, metrics);
        ModelHealthEndpoints.Map(app, state, dataSource, metrics);
        ModelEndpoints.Map(app, state, dataSource, metrics);
        OperationsEndpoints.Map(app, state, keys, metrics, app.Services.GetRequiredService<DatabaseHealth>(), TimeProvider.System);
        // The one document at a fixed path: the framework's {documentName} route answers other names with a plain-text 404 that echoes them.
        app.MapOpenApi("/openapi/v1.json");
        if (options.JobsStorage is not null)
        {
            JobsDashboard.Map(app);
        }
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        return app;
    }

    /// <summary>The address Kestrel bound (the real port when the options asked for port 0).</summary>
    public static Uri Address(WebApplication app) => new(app.Urls.First());

    /// <summary>Serves until <paramref name="ct"/> is cancelled, then stops cleanly; <paramref name="listening"/> hears where, once it listens.</summary>
    public static async Task ServeAsync(ScoringServiceOptions options, Action<IReadOnlyList<string>> listening, CancellationToken ct)
    {
        await using var app = Build(options);
        await app.StartAsync(ct).ConfigureAwait(false);
        listening([.. app.Urls]);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Interrupted: stop serving cleanly.
        }
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
