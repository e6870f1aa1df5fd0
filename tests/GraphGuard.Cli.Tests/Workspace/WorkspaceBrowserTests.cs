using System.Text.Json.Nodes;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests.Workspace;

/// <summary>
/// The analyst workspace in a real Chromium against a real <c>graphguard serve</c> on a generated, ingested and
/// published world: sign-in, the queue, the round trip to a decision and its undo, a pivot, a path query, a bulk
/// preview, CSRF refusal, an expired session and keys without analyst rights. Screenshots go to
/// artifacts/workspace-screenshots (docs/workspace.md shows chosen ones).
/// </summary>
[NonParallelizable]
public sealed class WorkspaceBrowserTests
{
    private WorldDatabase _world = null!;
    private ServeProcess _serve = null!;
    private BrowserDriver _browser = null!;
    private NpgsqlDataSource _db = null!;
    private string _analystKey = null!;
    private string _readerKey = null!;
    private string _enforcementKey = null!;
    private long _clusterId;
    private string _shots = null!;

    [OneTimeSetUp]
    public async Task PublishAWorldAndOpenTheBrowser()
    {
        _world = await WorldDatabase.CreateAsync("workspace", 3_000, 23);
        await _world.Succeed("run", "--jobs", Path.Combine(TestDatabase.RepositoryRoot(), "jobs"));
        _analystKey = (await _world.Succeed("keys", "create", "--name", "ana", "--scope", "clusters:read", "--scope", "labels:write")).Trim();
        _readerKey = (await _world.Succeed("keys", "create", "--name", "reader", "--scope", "clusters:read")).Trim();
        _enforcementKey = (await _world.Succeed("keys", "create", "--name", "fraud-engine", "--scope", "risk:read")).Trim();
        _db = NpgsqlDataSource.Create(_world.Connection);
        _clusterId = await TestDatabase.CountAsync(_db, "select cluster_id from clusters order by score desc, cluster_id limit 1");
        _serve = await StartServeAsync();
        _browser = await BrowserDriver.StartAsync();
        _shots = Path.Combine(TestDatabase.RepositoryRoot(), "artifacts", "workspace-screenshots");
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        _browser?.Dispose();
        _serve?.Dispose();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
        _world?.Dispose();
    }

    [Test]
    public async Task Sign_in_opens_the_queue_with_an_http_only_strict_cookie_the_keyboard_opens_a_cluster_and_sign_out_ends_it()
    {
        var result = await RunAsync("queue", new { });
        var clusters = await TestDatabase.CountAsync(_db, "select count(*) from clusters");
        Assert.Multiple(() =>
        {
            Assert.That(result["rows"]!.GetValue<int>(), Is.EqualTo(clusters), "one row per cluster of the published run");
            Assert.That(result["second"]!.GetValue<long>(), Is.Positive);
            Assert.That(result["sortKept"]!.GetValue<string>(), Is.EqualTo("size"), "a shared queue URL keeps its order");
            Assert.That(result["newRows"]!.GetValue<int>(), Is.EqualTo(clusters), "on the first publication every cluster is new");
            Assert.That(result["cookieAfter"]!.GetValue<bool>(), Is.False, "sign-out deletes the session cookie");
            Assert.That(result["afterSignOut"]!.GetValue<int>(), Is.EqualTo(401), "and the service forgot the session");
        });
    }

    [Test]
    public async Task Queue_to_cluster_to_account_to_decision_to_audit_and_undo()
    {
        const string reason = "same device and lockstep likes as the rest of the ring";
        var result = await RunAsync("roundTrip", new { clusterId = _clusterId, reason });
        var account = result["account"]!.GetValue<string>();
        var batch = result["batch"]!.GetValue<long>();
        Assert.That(result["webgl"]!.GetValue<string>(), Is.EqualTo("webgl"), "the cluster graph drew with WebGL");
        var sentences = await ListAsync($"select sentence from cluster_evidence where cluster_id = {_clusterId} order by ordinal");
        var member = result["member"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var keyFeatures = result["keyFeatures"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var graphFeatures = await ListAsync("select unnest(names) from feature_runs where kind = 'graph'");
        var zoom = result["zoom"]!;
        Assert.Multiple(() =>
        {
            Assert.That(result["evidence"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(sentences), "the cluster's evidence sentences, in order");
            Assert.That(keyFeatures, Is.Not.Empty.And.SubsetOf(graphFeatures), "the strongest ring stands out on some of the run's graph features");
            Assert.That(member, Has.Count.EqualTo(9 + keyFeatures.Count), "account, role, score, band, age, events, targets, shared, key features, reasons");
            Assert.That(member[1], Is.AnyOf("core", "periphery"));
            Assert.That(member[2], Does.Match(@"^0\.[0-9]{3}$|^1\.000$"), "the member's score");
            Assert.That(member[3], Is.AnyOf("low", "medium", "high", "critical"));
            Assert.That(member[^1], Is.Not.Empty, "the member's reasons");
            Assert.That(zoom["zoomed"]!.GetValue<string>(), Is.Not.EqualTo(zoom["whole"]!.GetValue<string>()), "dragging across the raster zooms into a stretch of time");
            Assert.That(zoom["unzoomed"]!.GetValue<string>(), Is.EqualTo(zoom["whole"]!.GetValue<string>()), "a double-click zooms out again");
            Assert.That(result["histogram"]!.GetValue<int>(), Is.EqualTo(1), "the activity histogram under the raster");
        });
        var contributions = result["contributions"]!.AsArray().Select(c => double.Parse(c!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(contributions, Is.Not.Empty.And.Ordered.Descending, "the reasons chart draws each reason's stored contribution, strongest first");
        Assert.That(contributions, Is.All.Positive, "every reason shown raised the risk");
        await using var cmd = _db.CreateCommand("""
            select d.label, d.note, d.author, d.model_version is not null, cardinality(d.reasons_shown), d.undone_by,
                   (select count(*) from labels l join entities e on e.id = l.account_id where e.external_id = $1 and l.source = 'analyst')
            from analyst_decisions d join entities e on e.id = d.account_id where d.batch_id = $2 and e.external_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = account });
        cmd.Parameters.Add(new NpgsqlParameter { Value = batch });
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, $"decision {batch} on {account} is stored");
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetString(0), Is.EqualTo("abusive"));
            Assert.That(reader.GetString(1), Is.EqualTo(reason));
            Assert.That(reader.GetString(2), Is.EqualTo("ana"), "the author is the signed-in key's name");
            Assert.That(reader.GetBoolean(3), Is.True, "the model version is kept");
            Assert.That(reader.GetInt32(4), Is.Positive, "the reasons shown at decision time are kept");
            Assert.That(reader.GetString(5), Is.EqualTo("ana"), "undone from the audit page");
            Assert.That(reader.GetInt64(6), Is.Zero, "undo removed the training label the decision wrote");
        });
    }

    [Test]
    public async Task Clicking_a_shared_target_lists_every_account_on_it()
    {
        var result = await RunAsync("pivot", new { clusterId = _clusterId });
        var accounts = result["accounts"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var members = (await MembersAsync(_clusterId)).Intersect(accounts).Count();
        Assert.Multiple(() =>
        {
            Assert.That(result["url"]!.GetValue<string>(), Does.Match("#/pivot/[0-9]+$"), "a pivot is a shareable URL");
            Assert.That(members, Is.GreaterThanOrEqualTo(2), "a shared target was acted on by two or more members, all listed");
        });
    }

    [Test]
    public async Task Two_members_of_a_cluster_are_connected_through_what_they_share()
    {
        var members = await MembersAsync(_clusterId);
        var result = await RunAsync("paths", new { from = members[0], to = members[^1] });
        var paths = result["paths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.That(paths, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(paths[0], Does.Contain(members[0]).And.Contain(members[^1]));
            Assert.That(result["url"]!.GetValue<string>(), Does.EndWith($"#/paths?from={members[0]}&to={members[^1]}"));
            Assert.That(result["shared"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(paths), "the shared URL opens the same paths after sign-in");
        });
    }

    [Test]
    public async Task An_accounts_neighbourhood_expands_to_two_hops_and_filters_by_relation()
    {
        var account = (await MembersAsync(_clusterId))[0];
        var result = await RunAsync("neighborhood", new { account });
        var relations = result["relations"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var keep = result["keep"]!.GetValue<string>();
        Assert.That(relations, Has.Count.GreaterThan(1).And.None.Empty, "every named relation of the run's graph to filter by");
        Assert.Multiple(() =>
        {
            Assert.That(result["two"]!.GetValue<int>(), Is.GreaterThan(result["one"]!.GetValue<int>()), "two hops reach further than one");
            Assert.That(result["url"]!.GetValue<string>(), Does.EndWith($"#/account/{account}?hops=2&rel={keep}"), "the filtered neighbourhood is a URL");
            Assert.That(result["kept"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { keep }));
            Assert.That(result["filtered"]!.GetValue<int>(), Is.LessThan(result["two"]!.GetValue<int>()), "the filter drew fewer nodes");
            Assert.That(result["actions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { keep }), "only the chosen relation's edges");
        });
    }

    [Test]
    public async Task A_cluster_decision_previews_its_count_and_escalation_trains_nothing()
    {
        var clusterId = await TestDatabase.CountAsync(_db, "select cluster_id from clusters order by score, cluster_id limit 1");
        var size = await TestDatabase.CountAsync(_db, $"select count(*) from cluster_members where cluster_id = {clusterId}");
        var labelsBefore = await TestDatabase.CountAsync(_db, "select count(*) from labels");
        var result = await RunAsync("bulkPreview", new { clusterId, reason = "needs a second look: new ring pattern" });
        Assert.That(result["preview"]!.GetValue<string>(), Does.StartWith($"This decision covers {size} accounts"));
        Assert.Multiple(async () =>
        {
            Assert.That(await TestDatabase.CountAsync(_db, $"select count(*) from analyst_decisions where cluster_id = {clusterId} and label = 'escalate'"), Is.EqualTo(size));
            Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from labels"), Is.EqualTo(labelsBefore), "escalate is not a training label");
        });
    }

    [Test]
    public async Task The_review_page_decides_a_random_item_shows_precision_and_a_what_if_and_the_health_page_its_drift()
    {
        const string reason = "sampled for precision: ordinary account";
        var result = await RunAsync("review", new { reason });
        var run = await TestDatabase.CountAsync(_db, "select run_id from publications order by publication_id desc limit 1");
        var position = result["position"]!.GetValue<int>();
        Assert.Multiple(async () =>
        {
            Assert.That(result["rows"]!.GetValue<int>(), Is.EqualTo(await TestDatabase.CountAsync(_db, $"select count(*) from review_items where run_id = {run}")));
            Assert.That(result["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "uncertain", "random" }));
            Assert.That(await TestDatabase.CountAsync(_db, $"""
                select count(*) from analyst_decisions d join review_items i on i.account_id = d.account_id
                where i.run_id = {run} and i.position = {position} and d.label = 'benign' and d.note = '{reason}' and d.author = 'ana' and d.undone_at is null
                """), Is.EqualTo(1), "the decision is stored for the item's account");
            Assert.That(result["bands"]!.AsArray().Select(b => b!.GetValue<string>()), Is.EqualTo(new[] { "low", "medium", "high", "critical" }), "precision per band");
            Assert.That(result["whatIf"]!.AsArray()[0]!.GetValue<string>(), Is.EqualTo("0.50"));
            Assert.That(result["whatIf"]!.AsArray()[1]!.GetValue<string>(),
                Is.EqualTo((await TestDatabase.CountAsync(_db, $"select count(*) from risk_scores where run_id = {run} and score >= 0.5")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "accounts actioned at 0.5");
            Assert.That(result["drift"]!.GetValue<string>(), Does.Contain("shifted"), "the model-health page summarises the run's drift");
        });
    }

    [Test]
    public async Task The_model_registry_shows_which_model_serves_and_why_a_challenger_was_refused()
    {
        // The world's one pipeline run released its first model. A refused challenger is recorded here as the release stage
        // records one (its run, its model with the champion's summary and card, the decision); FeedbackLoopTests drives a real refusal.
        const string challenger = "risk-20261206-000000-refused";
        const string reason = "refused: the challenger's AUPRC is worse than the champion's beyond the tolerance; AUPRC 0.190 vs 0.970, precision in the enforcement bands 0.400 vs 0.950 on 96 held-out reviewed labels (tolerance 0.02)";
        var champion = await TextAsync("select r.model_version from publications p join pipeline_runs r using (run_id) order by p.publication_id desc limit 1");
        await using (var record = _db.CreateCommand("""
            with run as (insert into pipeline_runs (pipeline, trigger, status, model_version, finished_at) values ('daily', 'manual', 'succeeded', $2, now()) returning run_id),
                 model as (insert into risk_models (model_version, run_id, labels_fingerprint, summary)
                           select $1, (select run_id from run), labels_fingerprint, summary from risk_models where model_version = $2 returning model_version),
                 card as (insert into risk_model_files (model_version, name, content)
                          select (select model_version from model), name, content from risk_model_files where model_version = $2 and name = 'MODEL_CARD.md')
            insert into model_releases (run_id, challenger, champion, released, reason, labels, challenger_auprc, champion_auprc, challenger_precision, champion_precision, tolerance)
            select run_id, $1, $2, false, $3, 96, 0.19, 0.97, 0.4, 0.95, 0.02 from run
            """))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = challenger });
            record.Parameters.Add(new NpgsqlParameter { Value = champion });
            record.Parameters.Add(new NpgsqlParameter { Value = reason });
            await record.ExecuteNonQueryAsync();
        }
        var result = await RunAsync("models", new { challenger });
        var rows = result["rows"]!.AsArray().Select(r => (Version: r!["version"]!.GetValue<string>(), Serving: r["serving"]!.GetValue<bool>(),
            Decision: r["decision"]!.GetValue<string>(), Why: r["why"]!.GetValue<string>())).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(rows.Select(r => r.Version), Is.EquivalentTo(await ListAsync("select model_version from risk_models")), "every registered model");
            Assert.That(rows.Where(r => r.Serving).Select(r => r.Version), Is.EqualTo(new[] { champion }), "the published run's model serves");
            Assert.That(rows.Single(r => r.Version == champion).Decision, Is.EqualTo("released (first model)"));
            Assert.That(rows.Single(r => r.Version == challenger).Decision, Is.EqualTo("refused"));
            Assert.That(rows.Single(r => r.Version == challenger).Why, Is.EqualTo(reason));
            Assert.That(result["url"]!.GetValue<string>(), Does.EndWith($"#/models/{challenger}"), "a model's page is a shareable URL");
            Assert.That(result["reason"]!.GetValue<string>(), Is.EqualTo(reason));
            Assert.That(result["released"]!.GetValue<string>(), Is.EqualTo("no"));
            Assert.That(result["measures"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "0.190", "0.400", "0.970", "0.950" }), "challenger then champion: AUPRC, precision");
            Assert.That(result["card"]!.GetValue<string>(), Does.Contain("## Intended use"), "the model card");
        });
    }

    [Test]
    public async Task Writes_without_the_sessions_csrf_token_are_refused()
    {
        var result = await RunAsync("csrf", new { account = (await MembersAsync(_clusterId))[0] });
        Assert.Multiple(() =>
        {
            Assert.That(result["none"]!.GetValue<int>(), Is.EqualTo(403));
            Assert.That(result["noneDetail"]!.GetValue<string>(), Does.Contain("CSRF token"));
            Assert.That(result["wrong"]!.GetValue<int>(), Is.EqualTo(403));
            Assert.That(result["right"]!.GetValue<int>(), Is.EqualTo(200), "the same write with the token passes");
        });
    }

    [Test]
    public async Task An_expired_session_asks_to_sign_in_again()
    {
        // A second service whose sessions last three seconds.
        using var shortLived = await StartServeAsync("--session-lifetime", "3s");
        var result = await RunAsync("expiredSession", new { clusterId = _clusterId, waitMs = 3_500 }, shortLived);
        Assert.Multiple(() =>
        {
            Assert.That(result["message"]!.GetValue<string>(), Does.Contain("session has ended"));
            Assert.That(result["status"]!.GetValue<int>(), Is.EqualTo(401));
        });
    }

    [Test]
    public async Task An_enforcement_key_cannot_open_the_workspace_and_a_read_only_key_cannot_decide()
    {
        var result = await RunAsync("keysWithoutRights", new { enforcementKey = _enforcementKey, readerKey = _readerKey, account = (await MembersAsync(_clusterId))[0] });
        Assert.Multiple(() =>
        {
            Assert.That(result["refused"]!.GetValue<string>(), Does.Contain("not an analyst key"));
            Assert.That(result["cookie"]!.GetValue<bool>(), Is.False, "no session for an enforcement key");
            Assert.That(result["readOnlyNotice"]!.GetValue<bool>(), Is.True);
            Assert.That(result["decide"]!.GetValue<int>(), Is.EqualTo(403));
        });
    }

    private async Task<JsonNode> RunAsync(string scenario, object args, ServeProcess? serve = null)
    {
        var all = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(args))!.AsObject();
        all["baseUrl"] = (serve ?? _serve).Client.BaseAddress!.ToString().TrimEnd('/');
        all["analystKey"] = _analystKey;
        all["shots"] = _shots;
        return (await _browser.RunAsync(scenario, all))!;
    }

    private async Task<ServeProcess> StartServeAsync(params string[] options)
    {
        var serve = await ServeProcess.StartAsync(_world.Connection, options);
        // The workspace's graph views need the run's graph in memory, which loads after the scores.
        await Eventually.HoldsAsync(async () => (await serve.Client.GetStringAsync("/metrics")).Contains("graphguard_graph_run_id 1", StringComparison.Ordinal),
            "the published run's graph to load", TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        return serve;
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        var values = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private async Task<List<string>> MembersAsync(long clusterId)
    {
        await using var cmd = _db.CreateCommand("select e.external_id from cluster_members m join entities e on e.id = m.account_id where m.cluster_id = $1 order by e.external_id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        var members = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            members.Add(reader.GetString(0));
        }
        return members;
    }
}
