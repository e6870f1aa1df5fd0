using System.Net;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>The changes feed: paged by an opaque cursor, across publishes, never missing or repeating a change.</summary>
public sealed class ChangesFeedTests
{
    private ServiceHost _host = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("changes", ScoringWorld.CreateAsync);
        _client = _host.Client(await _host.KeyAsync("feed", 100_000, Scopes.RiskRead));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test, Order(1)]
    public async Task Changes_are_paged_across_two_publications_without_a_miss_or_a_repeat()
    {
        var first = await PublishedRun.ScoredAsync(_host.DataSource, "m-1", i => 0.1f);
        await PublishedRun.PublishAsync(_host.DataSource, first);  // 15 accounts, each newly scored
        var (page1, cursor, more) = await PageAsync(null, 4);
        Assert.That(page1.Select(c => c.Account), Is.EqualTo(new[] { "a0", "a1", "a2", "a3" }));
        Assert.That(page1.Select(c => (c.Old, c.New)), Is.All.EqualTo(((string?)null, (string?)"low")));
        Assert.That(more, Is.True);
        var seen = new List<Change>(page1);
        (var page2, cursor, _) = await PageAsync(cursor, 4);
        seen.AddRange(page2);

        // A second publish while the client is halfway through the first: a0..a4 go high, a14 is no longer scored.
        var second = await PublishedRun.ScoredAsync(_host.DataSource, "m-2", i => i < 5 ? 0.9f : 0.1f, accounts: 14);
        await PublishedRun.PublishAsync(_host.DataSource, second);
        while (true)
        {
            (var page, cursor, more) = await PageAsync(cursor, 4);
            seen.AddRange(page);
            if (!more)
            {
                break;
            }
        }
        var all = await ChangeIdsInDatabaseAsync();
        Assert.That(seen.Select(c => c.Id), Is.EqualTo(all), "every change once, in order");
        Assert.That(seen, Has.Count.EqualTo(15 + 6));
        Assert.That(seen.Skip(15).Select(c => (c.Account, c.Old, c.New)), Is.EqualTo(new[]
        {
            ("a0", "low", "high"), ("a1", "low", "high"), ("a2", "low", "high"), ("a3", "low", "high"), ("a4", "low", "high"), ("a14", "low", (string?)null),
        }));
        Assert.That(seen.Skip(15).Select(c => c.Run), Is.All.EqualTo(second));

        // Drained: the cursor still works and returns nothing until the next publish.
        var (empty, same, _) = await PageAsync(cursor, 4);
        Assert.That(empty, Is.Empty);
        Assert.That(same, Is.EqualTo(cursor));
    }

    [Test, Order(2)]
    public async Task A_reader_paging_while_publishes_commit_sees_each_change_exactly_once()
    {
        var (_, cursor, _) = await PageAsync(null, 10_000);
        var seen = new List<long>();
        var before = (await ChangeIdsInDatabaseAsync()).Count;
        var publisher = Task.Run(async () =>
        {
            for (var p = 0; p < 6; p++)
            {
                var run = await PublishedRun.ScoredAsync(_host.DataSource, $"m-c{p}", i => (i + p) % 3 == 0 ? 0.9f : (i + p) % 3 == 1 ? 0.6f : 0.1f);
                await PublishedRun.PublishAsync(_host.DataSource, run);
            }
        });
        while (!publisher.IsCompleted || await HasMoreAsync(cursor))
        {
            (var page, cursor, _) = await PageAsync(cursor, 3);
            seen.AddRange(page.Select(c => c.Id));
        }
        await publisher;
        var added = (await ChangeIdsInDatabaseAsync()).Skip(before).ToList();
        Assert.That(added, Is.Not.Empty);
        Assert.That(seen, Is.EqualTo(added));
    }

    [TestCase("nonsense")]
    [TestCase("AQAAAAAAAAAA_")]
    [TestCase("AgAAAAAAAAAB")]
    public async Task A_cursor_the_service_did_not_issue_is_400(string cursor)
    {
        await ProblemAssert.IsAsync(await _client.GetAsync($"/v1/risk/changes?cursor={cursor}"), HttpStatusCode.BadRequest, "cursor");
    }

    [TestCase("0")]
    [TestCase("10001")]
    [TestCase("ten")]
    public async Task A_limit_out_of_range_is_400(string limit)
    {
        await ProblemAssert.IsAsync(await _client.GetAsync($"/v1/risk/changes?limit={limit}"), HttpStatusCode.BadRequest, "limit");
    }

    private async Task<bool> HasMoreAsync(string cursor) => (await PageAsync(cursor, 1)).Changes.Count > 0;

    private async Task<(List<Change> Changes, string Cursor, bool More)> PageAsync(string? cursor, int limit)
    {
        var url = $"/v1/risk/changes?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}");
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var page = JsonDocument.Parse(body).RootElement;
        var changes = page.GetProperty("changes").EnumerateArray().Select(c => new Change(c.GetProperty("change_id").GetInt64(),
            c.GetProperty("account_id").GetString()!, c.GetProperty("old_band").GetString(), c.GetProperty("new_band").GetString(),
            c.GetProperty("run_id").GetInt64())).ToList();
        return (changes, page.GetProperty("next_cursor").GetString()!, page.GetProperty("has_more").GetBoolean());
    }

    private async Task<List<long>> ChangeIdsInDatabaseAsync()
    {
        await using var cmd = _host.DataSource.CreateCommand("select change_id from band_changes order by change_id");
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private sealed record Change(long Id, string Account, string? Old, string? New, long Run);
}
