using GraphGuard.Jobs.Pipeline;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary><c>graphguard run</c>, <c>runs</c> and <c>runs export</c> as real processes on a small generated world.</summary>
public sealed class PipelineCommandTests
{
    private WorldDatabase _world = null!;
    private string _jobs = null!;

    [OneTimeSetUp]
    public async Task Generate()
    {
        _world = await WorldDatabase.CreateAsync("pipeline", 3_000, 23);
        _jobs = Path.Combine(TestDatabase.RepositoryRoot(), "jobs");
    }

    [OneTimeTearDown]
    public void Remove() => _world.Dispose();

    [Test]
    public async Task Run_publishes_and_export_rollback_and_history_read_it()
    {
        var first = await _world.Succeed("run", "--jobs", _jobs);
        Assert.That(first, Does.Contain("run 1 of pipeline daily").And.Contain($"[{PipelineStages.Names.Count}/{PipelineStages.Names.Count}] publish").And.Contain("run 1 published in"));

        var csv = Path.Combine(_world.Folder, "scores.csv");
        Assert.That(await _world.Succeed("runs", "export", "--out", csv), Does.Contain("3,000 scores of run 1"));
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("account_id,score,band,model_version,reasons"));
            Assert.That(lines, Has.Length.EqualTo(3_001));
            Assert.That(lines[1], Does.Match("^[^,]+,0\\.[0-9]+,(low|medium|high|critical),risk-[^,]+,.+\\|.+$"), "the riskiest account has reasons joined by |");
        });

        var refused = await GraphGuardProcess.RunAsync(_world.Connection, "runs", "rollback", "1");
        Assert.That((refused.ExitCode, refused.Stderr), Is.EqualTo((1, "graphguard: cannot roll back: run 1 is already the published run" + Environment.NewLine)));
        var missing = await GraphGuardProcess.RunAsync(_world.Connection, "runs", "rollback", "99");
        Assert.That(missing.Stderr, Does.Contain("there is no pipeline run 99"));

        await _world.Succeed("run", "--jobs", _jobs, "--pipeline", "weekly-retrain");
        Assert.That(await _world.Succeed("runs", "rollback", "1"), Does.StartWith("run 1 published again (publication 3, was run 2)"));
        var list = await _world.Succeed("runs", "list", "--json");
        Assert.That(list, Does.Contain("\"run_id\": 2").And.Contain("\"pipeline\": \"weekly-retrain\""));
        var show = await _world.Succeed("runs", "show", "2", "--json");
        Assert.That(show, Does.Contain("\"stage\": \"train\"").And.Contain("\"stage\": \"publish\""));
    }

    [Test]
    public async Task A_bad_definition_names_the_file_and_field()
    {
        var jobs = Directory.CreateDirectory(Path.Combine(_world.Folder, "badjobs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(jobs, "daily.json"), """{"cron": "0 0 3 * * ?", "bands": [{"name": "low", "min": 0}], "keep_runs": 0}""");
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(_world.Connection, "run", "--jobs", jobs);
        Assert.That((code, stderr.Trim()), Is.EqualTo((1, $"graphguard: {Path.Combine(jobs, "daily.json")}: field 'keep_runs': expected a whole number of at least 1, got 0")));
    }
}
