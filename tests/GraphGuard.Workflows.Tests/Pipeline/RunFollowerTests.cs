using GraphGuard.Storage.Pipeline;
using GraphGuard.Testing;
using GraphGuard.Workflows.Pipeline;
using Npgsql;

namespace GraphGuard.Workflows.Tests.Pipeline;

/// <summary><c>jobs trigger --wait</c>'s follower on a real database: each state told once, the end returned, an outage waited out.</summary>
public sealed class RunFollowerTests
{
    private NpgsqlDataSource _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _db = NpgsqlDataSource.Create(await TestDatabase.CreateAsync("workflows_" + nameof(RunFollowerTests)));

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    [Test]
    public async Task Follows_a_run_from_running_to_succeeded_telling_each_state_once()
    {
        var run = await PipelineRunStore.CreateAsync(_db, "daily", "schedule", "{}", firing: "firing-ok");
        await RunAttempts.BeginAsync(_db, run, 1, null, CancellationToken.None);
        var lines = new List<string>();
        var follow = new RunFollower(_db, TimeSpan.FromMilliseconds(20), Add).FollowAsync("firing-ok");
        await Eventually.HoldsAsync(() => Task.FromResult(Said(lines).Contains($"run {run}: running (attempt 1)")), "the running line");
        await PipelineRunStore.SucceedAsync(_db, run);
        var ended = await follow.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(ended.Status, Is.EqualTo("succeeded"));
            Assert.That(Said(lines), Is.EqualTo(new[] { $"run {run}: running (attempt 1)", $"run {run}: succeeded" }));
        });

        void Add(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    [Test]
    public async Task Returns_a_run_that_failed_for_good_with_its_error()
    {
        var run = await PipelineRunStore.CreateAsync(_db, "daily", "schedule", "{}", firing: "firing-bad");
        await RunAttempts.BeginAsync(_db, run, 1, null, CancellationToken.None);
        await PipelineRunStore.FailAsync(_db, run, "score: out of memory");
        var lines = new List<string>();
        var ended = await new RunFollower(_db, TimeSpan.FromMilliseconds(20), lines.Add).FollowAsync("firing-bad").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(ended, Has.Property(nameof(RunAttempt.Status)).EqualTo("failed").And.Property(nameof(RunAttempt.Error)).EqualTo("score: out of memory"));
            Assert.That(lines, Is.EqualTo(new[] { $"run {run}: failed: score: out of memory" }));
        });
    }

    [Test]
    public async Task Waits_out_an_unreachable_database_with_one_line()
    {
        // Nothing listens on port 1: every read fails as an outage does.
        await using var gone = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = 1, Timeout = 1 }.ConnectionString);
        var lines = new List<string>();
        using var stop = new CancellationTokenSource();
        var follow = new RunFollower(gone, TimeSpan.FromMilliseconds(20), line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }).FollowAsync("firing-never", stop.Token);
        // Nothing refuses faster than port 1: many reads fail while the line is awaited, yet one line is told.
        await Eventually.HoldsAsync(() => Task.FromResult(Said(lines).Length > 0), "the unreachable line");
        await stop.CancelAsync();
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => follow);
        Assert.That(Said(lines), Has.Length.EqualTo(1).And.Some.StartsWith("the database is unreachable"));
    }

    [Test]
    public void An_outage_is_named_by_its_innermost_cause_not_npgsql_s_wrapper()
    {
        var broken = new NpgsqlException("Exception while writing to stream",
            new IOException("Unable to write data to the transport connection: Connection reset by peer.", new System.Net.Sockets.SocketException(104)));
        Assert.That(OutageCause.Of(broken), Is.EqualTo(new System.Net.Sockets.SocketException(104).Message.TrimEnd('.')));
        Assert.That(OutageCause.Of(new TimeoutException("Timeout during reading attempt.")), Is.EqualTo("Timeout during reading attempt"));
    }

    private static string[] Said(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}
