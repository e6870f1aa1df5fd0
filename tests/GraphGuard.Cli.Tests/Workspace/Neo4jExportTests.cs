using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphGuard.Storage.Export;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests.Workspace;

/// <summary>
/// <c>graphguard export neo4j</c> on a published world, checked against neo4j-admin's import format (no Neo4j server
/// is installable here), and every file in cypher/ parsed by Neo4j's own Cypher parser from npm.
/// </summary>
public sealed partial class Neo4jExportTests
{
    [Test]
    public async Task Export_writes_neo4j_admin_import_files_whose_relations_all_end_on_exported_nodes()
    {
        using var world = await WorldDatabase.CreateAsync("neo4j", 1_500, 5);
        var refused = await GraphGuardProcess.RunAsync(world.Connection, "export", "neo4j", "--out", Path.Combine(world.Folder, "none"));
        Assert.That((refused.ExitCode, refused.Stderr), Is.EqualTo((1, "graphguard: no run is published yet: run the pipeline (graphguard run) first" + Environment.NewLine)));
        await world.Succeed("run", "--jobs", Path.Combine(TestDatabase.RepositoryRoot(), "jobs"));
        var folder = Path.Combine(world.Folder, "neo4j");
        Assert.That(await world.Succeed("export", "neo4j", "--out", folder), Does.StartWith("run 1: "));

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, header, isNodes) in Neo4jImportFiles.All)
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, file));
            Assert.That(lines[0], Is.EqualTo(header), file);
            var columns = header.Split(',');
            Assert.Multiple(() =>
            {
                Assert.That(columns.Where(c => !ImportColumn().IsMatch(c)), Is.Empty, $"{file}: columns neo4j-admin import cannot read");
                Assert.That(columns.Count(c => c.EndsWith(":ID", StringComparison.Ordinal)), Is.EqualTo(isNodes ? 1 : 0), $"{file}: one :ID column in a node file");
                Assert.That(columns.Contains(":START_ID") && columns.Contains(":END_ID") && columns.Contains(":TYPE"), Is.EqualTo(!isNodes), $"{file}: relationship columns");
                Assert.That(lines, Has.Length.GreaterThan(1), $"{file} has rows");
            });
            foreach (var line in lines.Skip(1))
            {
                var fields = Fields(line);
                Assert.That(fields, Has.Count.EqualTo(columns.Length), $"{file}: {line}");
                if (isNodes)
                {
                    Assert.That(ids.Add(fields[0]), Is.True, $"{file}: duplicate id {fields[0]}");
                }
                else
                {
                    Assert.That(ids, Does.Contain(fields[0]).And.Contain(fields[1]), $"{file}: a relation ends on a node that was not exported: {line}");
                }
            }
        }
        await using var db = Npgsql.NpgsqlDataSource.Create(world.Connection);
        var scored = await TestDatabase.CountAsync(db, "select count(*) from risk_scores where run_id = 1");
        Assert.That(ids.Count(i => i.StartsWith("account:", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(scored), "every scored account is a node");
    }

    [Test]
    public async Task Every_cypher_file_parses_with_neo4js_parser()
    {
        var root = TestDatabase.RepositoryRoot();
        var files = Directory.GetFiles(Path.Combine(root, "cypher"), "*.cypher").Order().ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(5));
        var bad = Path.Combine(Path.GetTempPath(), $"graphguard-bad-{Environment.ProcessId}.cypher");
        await File.WriteAllTextAsync(bad, "MATCH (a:Account RETURN a");
        try
        {
            var report = await LintAsync(root, [.. files, bad]);
            Assert.Multiple(() =>
            {
                foreach (var file in files)
                {
                    Assert.That(report[file], Is.Empty, Path.GetFileName(file));
                }
                Assert.That(report[bad], Is.Not.Empty, "the parser does find a broken query");
            });
            var load = await File.ReadAllTextAsync(Path.Combine(root, "cypher", "load.cypher"));
            var columns = Neo4jImportFiles.All.SelectMany(f => f.Header.Split(',')).ToHashSet(StringComparer.Ordinal);
            Assert.Multiple(() =>
            {
                foreach (var (file, _, _) in Neo4jImportFiles.All)
                {
                    Assert.That(load, Does.Contain($"'file:///{file}'"), $"load.cypher reads {file}");
                }
                foreach (Match used in RowColumn().Matches(load))
                {
                    var column = used.Groups[1].Success ? used.Groups[1].Value : used.Groups[2].Value;
                    Assert.That(columns, Does.Contain(column), $"load.cypher reads a column no export file has: {used.Value}");
                }
            });
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private static async Task<Dictionary<string, List<string>>> LintAsync(string root, string[] files)
    {
        var start = new ProcessStartInfo("node", ["tests/cypher-lint.mjs", .. files])
        {
            WorkingDirectory = Path.Combine(root, "web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, stderr);
        return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(stdout)!;
    }

    /// <summary>CSV fields of a line whose every field is quoted (as the export writes them).</summary>
    private static List<string> Fields(string line) => [.. QuotedField().Matches(line).Select(m => m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal))];

    // neo4j-admin import header entries: name:type (optionally an array), :ID / name:ID with an optional (group),
    // :LABEL, :START_ID / :END_ID with an optional (group), :TYPE, :IGNORE, or a bare property name (a string).
    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)?(:(ID|START_ID|END_ID)(\([A-Za-z0-9_]+\))?|:(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?)$|^:(LABEL|TYPE|IGNORE)$|^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ImportColumn();

    [GeneratedRegex(@"row\.`([^`]+)`|row\.([A-Za-z_]+)")]
    private static partial Regex RowColumn();

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex QuotedField();
}
