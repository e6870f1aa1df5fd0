using GraphGuard.Storage.Pipeline;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Storage.Tests.Pipeline;

/// <summary>Where a pipeline window ends: just past the data, never after the clock, and no single row moves it.</summary>
public sealed class PipelineWindowTests
{
    private NpgsqlDataSource _db = null!;

    [SetUp]
    public async Task CreateDatabase() =>
        _db = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(PipelineWindowTests)));

    [TearDown]
    public async Task CloseDatabase() => await _db.DisposeAsync();

    private async Task AddEventsAsync(params string[] times)
    {
        foreach (var ts in times)
        {
            await using var cmd = _db.CreateCommand("insert into events (ts, actor_id, target_id, action, event_id) values ($1::timestamptz, 0, 1, 1, gen_random_uuid()::text)");
            cmd.Parameters.Add(new NpgsqlParameter { Value = ts });
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private async Task<(DateTime? From, DateTime To)> WindowAsync()
    {
        await using var cmd = _db.CreateCommand("insert into pipeline_runs (pipeline, trigger, status) values ('daily', 'manual', 'running') returning run_id");
        var runId = (long)(await cmd.ExecuteScalarAsync())!;
        return (await RunOutputs.FixWindowAsync(_db, runId, TimeSpan.FromDays(30)))!.Value;
    }

    private static readonly string[] October = [.. Enumerable.Range(0, 48).Select(h => $"2026-10-30T{h % 24:00}:{h / 24 * 30:00}:00Z")];

    [Test]
    public async Task Data_that_ends_before_today_ends_the_window_just_past_its_newest_event()
    {
        await AddEventsAsync(October);
        var (from, to) = await WindowAsync();
        Assert.That(to, Is.EqualTo(new DateTime(2026, 10, 30, 23, 30, 0, DateTimeKind.Utc).AddTicks(10)));
        Assert.That(from, Is.EqualTo(to - TimeSpan.FromDays(30)));
    }

    [TestCase("9999-12-31T00:00:00Z")]
    [TestCase("2026-11-20T00:00:00Z")]
    public async Task One_row_far_after_the_rest_does_not_move_the_window(string stray)
    {
        await AddEventsAsync(October);
        var before = await WindowAsync();
        await AddEventsAsync(stray);
        Assert.That(await WindowAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_window_never_ends_after_the_clock()
    {
        var soon = DateTime.UtcNow.AddMinutes(30);
        await AddEventsAsync(soon.ToString("O"), soon.AddMinutes(1).ToString("O"), DateTime.UtcNow.AddMinutes(-1).ToString("O"), DateTime.UtcNow.AddMinutes(-2).ToString("O"));
        var (_, to) = await WindowAsync();
        Assert.That(to, Is.LessThanOrEqualTo(DateTime.UtcNow));
    }
}
