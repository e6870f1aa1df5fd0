using System.CommandLine;
using GraphGuard.Cli.Options;
using System.Globalization;
using GraphGuard.Jobs.Scheduling;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard worker</c>: a Hangfire server that runs the scheduled pipelines, and resumes runs that need a worker.</summary>
internal static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create()
    {
        var jobs = JobsFolderOption();
        var threads = new Option<int>("--threads") { Description = "Pipeline jobs this worker runs at once", DefaultValueFactory = _ => 2 };
        var checkin = DurationOption.Create("--checkin-interval", "How often the worker tells Hangfire it is alive (its heartbeat on the dashboard's server list)", "15s");
        var poll = DurationOption.Create("--poll-interval", "Longest wait, when idle, before looking for queued firings, due retries and runs left by a dead worker (each is picked up within it)", "5s");
        var command = new Command(Name, "Run the scheduler: fire the pipelines in jobs/*.json on their cron schedules, with retries, as one Hangfire server of those sharing the database. Stops on SIGINT/SIGTERM after the running jobs finish")
        {
            jobs, threads, checkin, poll,
        };
        return CliAction.Set(command, async (parse, ct) =>
        {
            var definitions = PipelineDefinitionFile.ReadFolder(parse.GetValue(jobs)!);
            var settings = await SchedulerSettings.ForDatabaseAsync(ct) with
            {
                Threads = Math.Max(1, parse.GetValue(threads)),
                CheckinInterval = parse.GetValue(checkin),
                PollInterval = parse.GetValue(poll),
            };
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            // Program.cs gives this command no termination timeout: the worker stops on its signals once its runs finish.
            await WorkerNode.RunUntilSignalledAsync(settings, definitions, PipelineWorker.AllStages(dataSource, Log));
            return 0;
        });
    }

    public static Option<string> JobsFolderOption() =>
        new("--jobs") { Description = "Folder of pipeline definitions (*.json)", DefaultValueFactory = _ => "jobs" };

    private static void Log(string line) =>
        Console.Out.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {line}");
}
