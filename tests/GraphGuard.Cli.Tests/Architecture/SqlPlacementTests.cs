namespace GraphGuard.Cli.Tests.Architecture;

/// <summary>
/// Storage is the only assembly that speaks SQL: the command line, the service, the pipeline and the application
/// layer reach the database through Storage's stores and queries, never with SQL text or Npgsql commands of their own.
/// </summary>
public sealed class SqlPlacementTests
{
    private static readonly string[] SqlFree = ["graphguard", "GraphGuard.Api", "GraphGuard.Jobs", "GraphGuard.Workflows", "GraphGuard.Terminal"];

    [TestCaseSource(nameof(SqlFree))]
    public void Holds_no_sql_text(string assembly)
    {
        var sql = AssemblyText.SqlLiterals(AssemblyText.PathOf(assembly));
        Assert.That(sql, Is.Empty, $"{assembly} holds SQL; move it into a GraphGuard.Storage store or query");
    }

    [TestCaseSource(nameof(SqlFree))]
    public void Uses_no_npgsql_commands(string assembly)
    {
        var types = AssemblyText.NpgsqlCommandTypes(AssemblyText.PathOf(assembly));
        Assert.That(types, Is.Empty, $"{assembly} runs database commands itself; call a GraphGuard.Storage store or query instead");
    }

    /// <summary>The checks above can fail: on Storage, which does speak SQL, they find plenty.</summary>
    [Test]
    public void Finds_the_sql_and_commands_storage_holds()
    {
        var storage = AssemblyText.PathOf("GraphGuard.Storage");
        Assert.Multiple(() =>
        {
            Assert.That(AssemblyText.SqlLiterals(storage), Has.Some.Contains("insert into band_changes"));
            Assert.That(AssemblyText.SqlLiterals(storage), Has.Some.Contains("pg_try_advisory_lock("));
            Assert.That(AssemblyText.NpgsqlCommandTypes(storage), Does.Contain("Npgsql.NpgsqlCommand"));
        });
    }
}
