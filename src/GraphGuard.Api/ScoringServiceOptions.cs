namespace GraphGuard.Api;

/// <summary>How <see cref="ScoringService"/> runs.</summary>
public sealed record ScoringServiceOptions
{
    /// <summary>The database holding the published runs and the API keys.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Where Kestrel listens: http URLs on 127.0.0.1 only (port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>How often the latest publication, the keys and the pipelines' statuses are checked without a notification.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a workspace session lasts after sign-in.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The built workspace (index.html and assets/); by default wwwroot beside the binary.</summary>
    public string WorkspaceRoot { get; init; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>
    /// Base64 of the key (32 bytes or more) that signs change-feed cursors, for instances configured alike;
    /// null (the default) takes the key kept in the database, shared by every instance on it.
    /// </summary>
    public string? CursorSecret { get; init; }

    /// <summary>More logging set-up, after the console's (a test adds a provider to read what the service logs).</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? Logging { get; init; }

    /// <summary>Log requests and framework events at Information (off by default: logging stays off the hot path).</summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// Configures Hangfire's storage for the jobs dashboard at <c>/jobs</c> (<c>GraphGuard.Storage.Scheduling.HangfireStore</c>);
    /// null serves no dashboard.
    /// </summary>
    public Action<Hangfire.IGlobalConfiguration>? JobsStorage { get; init; }
}
