using System.CommandLine;
using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary>The CLI's contract: help everywhere, JSON for machines, one-line causes and non-zero exits on failure.</summary>
public sealed class CommandLineTests
{
    private static IEnumerable<TestCaseData> Commands() =>
        CommandTree.Walk(CommandTree.Build()).Select(c => new TestCaseData(c.Path).SetArgDisplayNames(c.Path)).Prepend(new TestCaseData("").SetArgDisplayNames("graphguard"));

    /// <summary>In-process, on the tree the executable builds: every command, none listed by hand.</summary>
    [TestCaseSource(nameof(Commands))]
    public void Every_command_has_help(string path)
    {
        var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new StringWriter();
        var root = CommandTree.Build();
        var code = root.Parse([.. args, "--help"]).Invoke(new InvocationConfiguration { Output = output, Error = output });
        Assert.That(code, Is.Zero);
        // In-process the root is named after the test host, not graphguard.
        Assert.That(output.ToString(), Does.Contain("Usage:").And.Contain($"  {string.Join(' ', args.Prepend(root.Name))} ").And.Not.Contain("Unrecognized"));
    }

    [TestCase("detect", "--from", "2026-10-01T00:00:00")]
    [TestCase("train", "--to", "2026-10-01")]
    [TestCase("graph", "snapshot", "--from", "yesterday")]
    [TestCase("ingest", "data", "--earliest", "2000-01-01T00:00:00")]
    public void A_timestamp_without_its_zone_is_refused(params string[] args)
    {
        var parse = CommandTree.Build().Parse(args);
        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains("with its zone").And.Some.Contains(args[^1]));
    }

    [TestCase("2026-10-01T00:00:00Z")]
    [TestCase("2026-10-01T02:00:00+02:00")]
    public void A_timestamp_with_its_zone_is_read_as_utc(string text)
    {
        var parse = CommandTree.Build().Parse(["detect", "--from", text]);
        Assert.That(parse.Errors, Is.Empty);
        var from = parse.CommandResult.Command.Options.Single(o => o.Name == "--from");
        Assert.That(parse.GetValue((Option<DateTime?>)from), Is.EqualTo(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    /// <summary>Every <c>--out</c> is typed as a file or a folder and says which in help.</summary>
    [Test]
    public void Every_out_option_takes_a_file_or_a_folder_and_says_which()
    {
        var outs = CommandTree.Walk(CommandTree.Build()).SelectMany(c => c.Command.Options.Where(o => o.Name == "--out").Select(o => (c.Path, Option: o))).ToList();
        Assert.That(outs, Has.Count.GreaterThanOrEqualTo(8));
        Assert.Multiple(() =>
        {
            foreach (var (path, option) in outs)
            {
                var expected = option.ValueType == typeof(FileInfo) ? "file" : option.ValueType == typeof(DirectoryInfo) ? "dir" : null;
                Assert.That(option.HelpName, Is.Not.Null.And.EqualTo(expected), $"graphguard {path} --out ({option.ValueType.Name})");
            }
        });
    }

    [TestCase("36h", 36)]
    [TestCase("2d", 48)]
    public void Ingest_future_tolerance_is_a_duration(string text, int hours)
    {
        var parse = CommandTree.Build().Parse(["ingest", "data", "--future-tolerance", text]);
        Assert.That(parse.Errors, Is.Empty);
        Assert.That(parse.GetValue<TimeSpan>("--future-tolerance"), Is.EqualTo(TimeSpan.FromHours(hours)));
    }

    /// <summary>README's command list and the tree agree: each command is listed, each listed command exists.</summary>
    [Test]
    public void Readme_lists_every_command_and_only_real_ones()
    {
        var readme = File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("## Using the CLI", StringComparison.Ordinal);
        var block = readme[readme.IndexOf("```sh", start, StringComparison.Ordinal)..readme.IndexOf("```\n", readme.IndexOf("```sh", start, StringComparison.Ordinal) + 5, StringComparison.Ordinal)];
        var lines = block.Split('\n').Where(l => l.StartsWith("graphguard ", StringComparison.Ordinal)).Select(l => l.Split('#')[0]).ToList();
        var root = CommandTree.Build();
        var listed = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.SubsetOf(root.Subcommands.Select(c => c.Name)), "README lists a command graphguard does not have");
            foreach (var command in root.Subcommands)
            {
                var described = lines.Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == command.Name).ToList();
                Assert.That(described, Is.Not.Empty, $"README does not list 'graphguard {command.Name}'");
                var words = described.SelectMany(l => l.Split([' ', '|', '[', ']'], StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
                foreach (var sub in command.Subcommands)
                {
                    Assert.That(words, Does.Contain(sub.Name), $"README does not list 'graphguard {command.Name} {sub.Name}'");
                }
            }
        });
    }

    [Test]
    public async Task A_missing_folder_fails_with_one_line_naming_it()
    {
        var connection = await TestDatabase.CreateAsync("cli_missing");
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(connection, "ingest", "/no/such/folder");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Does.StartWith("graphguard: ").And.Contain("/no/such/folder").And.Not.Contain("\n"));
    }

    [TestCase(null, "holds none of")]
    [TestCase("notes.txt", "holds none of")]
    [TestCase("events.csv", "hold no data rows")]
    public async Task A_folder_with_nothing_to_ingest_exits_1_and_says_so(string? file, string says)
    {
        var connection = await TestDatabase.CreateAsync("cli_nothing");
        var dir = Directory.CreateTempSubdirectory("graphguard-nothing-").FullName;
        try
        {
            if (file is not null)
            {
                // A header alone is no data; notes.txt is no file of the format.
                await File.WriteAllTextAsync(Path.Combine(dir, file), file == "events.csv" ? "event_id,ts,actor,action,target_type,target\n" : "hello\n");
            }
            var (code, stdout, stderr) = await GraphGuardProcess.RunAsync(connection, "ingest", dir);
            Assert.That(code, Is.EqualTo(1), stdout + stderr);
            Assert.That(stdout + stderr, Does.Contain("nothing to ingest").And.Contain(says));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
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
