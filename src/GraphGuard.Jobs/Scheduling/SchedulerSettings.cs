namespace GraphGuard.Jobs.Scheduling;

/// <summary>How a node of the scheduler cluster connects and how eagerly it looks for work.</summary>
public sealed record SchedulerSettings
{
    /// <summary>The GraphGuard database; the Quartz tables live beside the pipeline's (migration 0007).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Jobs this node runs at once. Pipelines of different definitions may run side by side.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>
    /// How often the node records that it is alive. A node silent for this plus <see cref="CheckinGrace"/>
    /// is taken for dead, and its recoverable firings are re-fired elsewhere.
    /// </summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan CheckinGrace { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest an idle node waits before looking for due triggers again. A trigger another process
    /// stores (<c>graphguard jobs trigger</c>, a retry) is picked up within this time. Quartz wants 1 s or more.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How late a firing may be before its misfire policy decides what happens to it.</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromMinutes(1);
}
