using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Testing;

namespace GraphGuard.Jobs.Tests.Scheduling;

public sealed class PipelineDefinitionFileTests
{
    private const string Valid = """
        {
          "description": "test",
          "cron": "0 0 3 * * ?",
          "window": "30d",
          "train": "always",
          "keep_runs": 2,
          "bands": [{"name": "low", "min": 0}, {"name": "high", "min": 0.5}],
          "retry": {"max_attempts": 4, "backoff": "90s"},
          "misfire": "do_nothing"
        }
        """;

    [Test]
    public void A_valid_file_reads_every_field()
    {
        var d = PipelineDefinitionFile.Parse("jobs/t.json", "t", Valid);
        Assert.Multiple(() =>
        {
            Assert.That(d.Name, Is.EqualTo("t"));
            Assert.That(d.Cron, Is.EqualTo("0 0 3 * * ?"));
            Assert.That(d.Window, Is.EqualTo(TimeSpan.FromDays(30)));
            Assert.That(d.Train, Is.EqualTo(TrainPolicy.Always));
            Assert.That(d.KeepRuns, Is.EqualTo(2));
            Assert.That(d.Bands.Bands.Select(b => (b.Name, b.Minimum)), Is.EqualTo(new[] { ("low", 0.0), ("high", 0.5) }));
            Assert.That(d.MaxAttempts, Is.EqualTo(4));
            Assert.That(d.RetryBackoff, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(d.Misfire, Is.EqualTo(MisfirePolicy.DoNothing));
        });
    }

    [Test]
    public void Its_json_reads_back_as_the_same_definition()
    {
        var d = PipelineDefinitionFile.Parse("jobs/t.json", "t", Valid);
        var again = PipelineDefinitionFile.Parse("jobs/t.json", "t", PipelineDefinitionFile.ToJson(d));
        Assert.That(again with { Bands = d.Bands }, Is.EqualTo(d));
        Assert.That(again.Bands.Bands, Is.EqualTo(d.Bands.Bands));
    }

    [Test]
    public void A_null_window_reads_everything()
    {
        var d = PipelineDefinitionFile.Parse("jobs/t.json", "t", Valid.Replace("\"30d\"", "null", StringComparison.Ordinal));
        Assert.That(d.Window, Is.Null);
    }

    [TestCase("\"keep_runs\": 2", "\"keep_runs\": 0", "keep_runs")]
    [TestCase("\"cron\": \"0 0 3 * * ?\"", "\"cron\": \"every day\"", "cron")]
    [TestCase("\"cron\": \"0 0 3 * * ?\",", "", "cron")]
    [TestCase("\"window\": \"30d\"", "\"window\": \"30 days\"", "window")]
    [TestCase("\"train\": \"always\"", "\"train\": \"sometimes\"", "train")]
    [TestCase("\"misfire\": \"do_nothing\"", "\"misfire\": \"later\"", "misfire")]
    [TestCase("\"description\": \"test\"", "\"descripton\": \"test\"", "descripton")]
    [TestCase("\"backoff\": \"90s\"", "\"backoff\": \"soon\"", "retry.backoff")]
    [TestCase("\"max_attempts\": 4", "\"max_attempts\": 0", "retry.max_attempts")]
    [TestCase("\"max_attempts\": 4", "\"max_tries\": 4", "retry.max_tries")]
    [TestCase("{\"name\": \"low\", \"min\": 0}", "{\"name\": \"low\", \"min\": 0.1}", "bands[0].min")]
    [TestCase("{\"name\": \"high\", \"min\": 0.5}", "{\"name\": \"high\", \"min\": 0}", "bands[1].min")]
    [TestCase("{\"name\": \"high\", \"min\": 0.5}", "{\"name\": \"low\", \"min\": 0.5}", "bands[1].name")]
    [TestCase("{\"name\": \"high\", \"min\": 0.5}", "{\"name\": \"high\", \"min\": 1.5}", "bands[1].min")]
    [TestCase("{\"name\": \"high\", \"min\": 0.5}", "{\"name\": \"high\", \"min\": 0.5, \"max\": 1}", "bands[1].max")]
    public void A_bad_field_is_named_with_the_file(string from, string to, string field)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.That(json, Is.Not.EqualTo(Valid), "the test case must change the file");
        var e = Assert.Throws<InvalidDataException>(() => PipelineDefinitionFile.Parse("jobs/t.json", "t", json));
        Assert.That(e!.Message, Does.StartWith($"jobs/t.json: field '{field}': "));
    }

    [Test]
    public void Bad_json_names_the_file_and_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => PipelineDefinitionFile.Parse("jobs/t.json", "t", "{\n\"cron\": }"));
        Assert.That(e!.Message, Does.StartWith("jobs/t.json: not valid JSON (line 2)"));
    }

    [Test]
    public void A_file_name_that_is_no_pipeline_name_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("graphguard-jobs-").FullName;
        try
        {
            var path = Path.Combine(dir, "Daily Run.json");
            File.WriteAllText(path, Valid);
            var e = Assert.Throws<InvalidDataException>(() => PipelineDefinitionFile.ReadFolder(dir));
            Assert.That(e!.Message, Does.StartWith($"{path}: field 'name': "));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void The_repository_jobs_folder_is_valid()
    {
        var definitions = PipelineDefinitionFile.ReadFolder(Path.Combine(TestDatabase.RepositoryRoot(), "jobs"));
        Assert.That(definitions.Select(d => d.Name), Is.SupersetOf(new[] { "daily", "weekly-retrain" }));
        Assert.That(definitions.Single(d => d.Name == "weekly-retrain").Train, Is.EqualTo(TrainPolicy.Always));
        Assert.That(definitions.Single(d => d.Name == "daily").Train, Is.EqualTo(TrainPolicy.OnLabelChange));
    }
}
