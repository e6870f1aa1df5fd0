using GraphGuard.Core.Review;
using GraphGuard.Core.Synthetic;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Tests.Pipeline;
using GraphGuard.Learning.Release;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Release;

/// <summary>
/// Champion and challenger on the small generated world, analysts deciding the random slice with the world's truth: the
/// first model is released, one retrained on flipped labels is refused (the run publishes the champion's scores), one
/// retrained on more true labels is released.
/// </summary>
public sealed class ReleaseStageTests
{
    private NpgsqlDataSource _db = null!;
    private string[] _abusive = null!;
    private long _first;
    private string _champion = null!;

    private static PipelineDefinition Definition() => TestPipeline.Definition() with
    {
        Review = new ReviewQueueOptions { Budget = 200, RandomShare = 0.5 },
        Release = new ReleasePolicy { Tolerance = 0.05, MinimumLabels = 10 },
    };

    [OneTimeSetUp]
    public async Task CopyWorldAndReadItsTruth()
    {
        _db = await PipelineWorld.CopyAsync(nameof(ReleaseStageTests));
        _abusive = PipelineWorld.AbusiveAccounts();
    }

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    private async Task<long> RunAsync()
    {
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var run = await runner.CreateRunAsync(Definition(), "manual", CancellationToken.None);
        var result = await runner.RunAsync(run, Definition(), null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        return run;
    }

    private async Task<string> Text(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Analysts decide every item of the run's random slice as the world's truth says, as the workspace records it.</summary>
    private async Task DecideRandomSliceAsync(long run)
    {
        await using var cmd = _db.CreateCommand("""
            with decided as (
                insert into analyst_decisions (account_id, label, note, author)
                select i.account_id, case when e.external_id = any($2) then 'abusive' else 'benign' end, 'reviewed', 'tester'
                from review_items i join entities e on e.id = i.account_id where i.run_id = $1 and i.kind = 'random'
                returning account_id, label, decided_at)
            insert into labels (account_id, label, source, ts) select account_id, label, 'analyst', decided_at from decided
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = run });
        cmd.Parameters.Add(new NpgsqlParameter { Value = _abusive });
        await cmd.ExecuteNonQueryAsync();
    }

    [Test, Order(1)]
    public async Task The_first_model_is_released_with_no_champion_to_beat()
    {
        _first = await RunAsync();
        _champion = await Text($"select model_version from pipeline_runs where run_id = {_first}");
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from model_releases where run_id = {_first} and released and champion is null and challenger = '{_champion}'"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from risk_models where run_id = {_first} and model_version = '{_champion}'"), Is.EqualTo(1));
        });
    }

    [Test, Order(2)]
    public async Task A_challenger_trained_on_flipped_labels_is_refused_and_the_run_publishes_the_champions_scores()
    {
        await DecideRandomSliceAsync(_first);
        Assert.That(await Count("select count(*) from labels where source = 'analyst'"), Is.GreaterThan(50), "held-out reviewed labels");
        // Every account outside the held-out ones gets the opposite of its truth, newer than any other label: the challenger learns backwards.
        await using (var poison = _db.CreateCommand("""
            insert into labels (account_id, label, source, ts)
            select e.id, case when e.external_id = any($1) then 'benign' else 'abusive' end, 'poison', now() + interval '1 minute'
            from entities e where e.kind = 1 and e.id not in (select account_id from labels where source = 'analyst') and e.id % 3 = 0
            """))
        {
            poison.Parameters.Add(new NpgsqlParameter { Value = _abusive });
            await poison.ExecuteNonQueryAsync();
        }
        var run = await RunAsync();
        var challenger = await Text($"select model_version from risk_models where run_id = {run}");
        Assert.Multiple(async () =>
        {
            Assert.That(challenger, Is.Not.EqualTo(_champion), "the run retrained");
            Assert.That(await Count($"select count(*) from model_releases where run_id = {run} and not released and champion = '{_champion}' and reason like 'refused%'"), Is.EqualTo(1),
                await Text($"select coalesce((select reason from model_releases where run_id = {run}), 'no decision')"));
            Assert.That(await Count($"select count(*) from model_releases where run_id = {run} and challenger_auprc < champion_auprc - 0.05"), Is.EqualTo(1));
            Assert.That(await Text($"select model_version from pipeline_runs where run_id = {run}"), Is.EqualTo(_champion), "the run scored with the champion");
            Assert.That(await Count("select run_id from publications order by publication_id desc limit 1"), Is.EqualTo(run), "and published those scores");
        });
    }

    [Test, Order(3)]
    public async Task A_challenger_trained_on_more_true_labels_is_released()
    {
        await Count("with gone as (delete from labels where source = 'poison' returning 1) select count(*) from gone");
        await using (var truth = _db.CreateCommand("""
            insert into labels (account_id, label, source, ts)
            select e.id, case when e.external_id = any($1) then 'abusive' else 'benign' end, 'audit', now()
            from entities e where e.kind = 1 and e.id not in (select account_id from labels where source = 'analyst') and e.id % 5 = 0
            """))
        {
            truth.Parameters.Add(new NpgsqlParameter { Value = _abusive });
            await truth.ExecuteNonQueryAsync();
        }
        var run = await RunAsync();
        var challenger = await Text($"select model_version from risk_models where run_id = {run}");
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from model_releases where run_id = {run} and released and champion = '{_champion}' and reason like 'released: not worse%'"), Is.EqualTo(1),
                await Text($"select coalesce((select reason from model_releases where run_id = {run}), 'no decision')"));
            Assert.That(await Text($"select model_version from pipeline_runs where run_id = {run}"), Is.EqualTo(challenger), "the run publishes the challenger's scores");
            Assert.That(await Count($"select count(*) from risk_scores where run_id = {run}"), Is.EqualTo(3000));
        });
    }
}
