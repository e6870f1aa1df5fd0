using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// Builds the Quartz scheduler every GraphGuard process shares through the database: AdoJobStore on
/// PostgreSQL (PostgreSQLDelegate over Npgsql), clustered, instance ids generated, job data as strings.
/// </summary>
public static class PipelineScheduler
{
    /// <summary>The cluster's name: <c>sched_name</c> of every Quartz row.</summary>
    public const string Name = "graphguard";

    /// <summary>Group of the pipeline jobs and their cron triggers; nothing else of ours lives in it.</summary>
    public const string JobGroup = "pipeline";

    /// <summary>Group of the one-shot triggers that retry a failed run.</summary>
    public const string RetryGroup = "pipeline-retry";

    public static JobKey JobKeyOf(string pipeline) => new(pipeline, JobGroup);

    public static TriggerKey CronTriggerOf(string pipeline) => new(pipeline, JobGroup);

    /// <summary>One key per (run, attempt), so a retry scheduled while the previous retry fires never replaces it.</summary>
    public static TriggerKey RetryTriggerOf(long runId, int attempt) => new(string.Create(CultureInfo.InvariantCulture, $"retry-{runId}-{attempt}"), RetryGroup);

    /// <summary>The flat Quartz settings for <paramref name="settings"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Properties(SchedulerSettings settings) => new Dictionary<string, string?>
    {
        ["quartz.scheduler.instanceName"] = Name,
        ["quartz.scheduler.instanceId"] = "AUTO",
        ["quartz.scheduler.idleWaitTime"] = Milliseconds(settings.PollInterval),
        ["quartz.threadPool.maxConcurrency"] = settings.Threads.ToString(CultureInfo.InvariantCulture),
        ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
        ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
        ["quartz.jobStore.dataSource"] = "graphguard",
        ["quartz.jobStore.tablePrefix"] = "qrtz_",
        ["quartz.jobStore.useProperties"] = "true",
        ["quartz.jobStore.misfireThreshold"] = Milliseconds(settings.MisfireThreshold),
        ["quartz.jobStore.clustered"] = "true",
        ["quartz.jobStore.clusterCheckinInterval"] = Milliseconds(settings.CheckinInterval),
        ["quartz.jobStore.clusterCheckinMisfireThreshold"] = Milliseconds(settings.CheckinGrace),
        // Migration 0007 owns the tables: Quartz only checks that they are what it expects.
        ["quartz.jobStore.schemaProvisioning"] = "Validate",
        ["quartz.dataSource.graphguard.provider"] = "Npgsql",
        ["quartz.dataSource.graphguard.connectionString"] = settings.ConnectionString,
        ["quartz.serializer.type"] = "json",
    };

    /// <summary>
    /// A scheduler on the shared store, not yet started: started, it is a worker node; left standing, it
    /// still reads and writes jobs and triggers (what <c>graphguard jobs</c> does).
    /// </summary>
    /// <param name="settings">Connection and timing.</param>
    /// <param name="services">Registers what <see cref="PipelineJob"/> needs (a <see cref="PipelineWorker"/>); only a worker has to.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IScheduler> CreateAsync(SchedulerSettings settings, Action<IServiceCollection>? services, CancellationToken ct)
    {
        var builder = QuartzSchedulerBuilder.Create(q => services?.Invoke(q.Services));
        builder.UseProperties(Properties(settings));
        return await builder.BuildScheduler(ct).ConfigureAwait(false);
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
