using System.Text.Json;
using GraphGuard.Tests.Shared;

namespace GraphGuard.Cli.Tests;

/// <summary>The CLI's contract: help everywhere, JSON for machines, one-line causes and non-zero exits on failure.</summary>
public sealed class CommandLineTests
{
    [TestCase("--help")]
    [TestCase("db", "--help")]
    [TestCase("db", "start", "--help")]
    [TestCase("db", "stop", "--help")]
    [TestCase("db", "status", "--help")]
    [TestCase("db", "migrate", "--help")]
    [TestCase("db", "reset", "--help")]
    [TestCase("db", "stats", "--help")]
    [TestCase("ingest", "--help")]
    [TestCase("quarantine", "list", "--help")]
    [TestCase("generate", "--help")]
    [TestCase("graph", "snapshot", "--help")]
    [TestCase("graph", "features", "--help")]
    [TestCase("bench", "--help")]
    [TestCase("bench", "ingest", "--help")]
    [TestCase("bench", "graph", "--help")]
    [TestCase("quarantine", "--help")]
    [TestCase("detect", "--help")]
    [TestCase("clusters", "--help")]
    [TestCase("clusters", "list", "--help")]
    [TestCase("clusters", "show", "--help")]
    [TestCase("clusters", "export", "--help")]
    [TestCase("eval", "--help")]
    [TestCase("eval", "detect", "--help")]
    [TestCase("bench", "detect", "--help")]
    [TestCase("train", "--help")]
    [TestCase("score", "--help")]
    [TestCase("bench", "learn", "--help")]
    [TestCase("run", "--help")]
    [TestCase("runs", "list", "--help")]
    [TestCase("runs", "show", "--help")]
    [TestCase("runs", "rollback", "--help")]
    [TestCase("scores", "export", "--help")]
    [TestCase("worker", "--help")]
    [TestCase("jobs", "--help")]
    [TestCase("jobs", "list", "--help")]
    [TestCase("jobs", "trigger", "--help")]
    [TestCase("jobs", "history", "--help")]
    [TestCase("serve", "--help")]
    [TestCase("keys", "--help")]
    [TestCase("keys", "create", "--help")]
    [TestCase("keys", "list", "--help")]
    [TestCase("keys", "revoke", "--help")]
    [TestCase("bench", "serve", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var (code, stdout, _) = await GraphGuardProcess.RunAsync(null, args);
        Assert.That(code, Is.Zero);
        var command = string.Join(' ', args[..^1].Prepend("graphguard"));
        Assert.That(stdout, Does.Contain("Usage:").And.Contain($"  {command} ").And.Not.Contain("Unrecognized"));
    }

    [Test]
    public async Task A_missing_folder_fails_with_one_line_naming_it()
    {
        var connection = await TestDatabase.CreateAsync("cli_missing");
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(connection, "ingest", "/no/such/folder");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Does.StartWith("graphguard: ").And.Contain("/no/such/folder").And.Not.Contain("\n"));
    }

    [Test]
    public async Task Ingest_json_summary_is_machine_readable()
    {
        var connection = await TestDatabase.CreateAsync("cli_json");
        var dir = Directory.CreateTempSubdirectory("graphguard-json-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "labels.csv"), "account_id,label,source\na,abusive,review\nb,maybe,review\n");
            var (code, stdout, stderr) = await GraphGuardProcess.RunAsync(connection, "ingest", dir, "--json");
            Assert.That(code, Is.Zero, stderr);
            using var json = JsonDocument.Parse(stdout);
            Assert.That(json.RootElement.GetProperty("rows_loaded").GetInt64(), Is.EqualTo(1));
            Assert.That(json.RootElement.GetProperty("quarantined_by_reason").GetProperty("bad_label").GetInt64(), Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task Db_reset_refuses_without_confirmation()
    {
        var connection = await TestDatabase.CreateAsync("cli_reset");
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(connection, "db", "reset");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--yes"));
    }
}
