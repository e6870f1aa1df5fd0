namespace GraphGuard.Storage.Database;

/// <summary>
/// Where GraphGuard keeps its local state: <c>$GRAPHGUARD_HOME</c>, or <c>.graphguard</c> in the current
/// directory. The private PostgreSQL cluster lives in its <c>pg</c> folder.
/// </summary>
public static class GraphGuardHome
{
    public const string HomeVariable = "GRAPHGUARD_HOME";
    public const string ConnectionVariable = "GRAPHGUARD_DB";
    public const string PgBinVariable = "GRAPHGUARD_PG_BIN";

    public static string Resolve() =>
        Path.GetFullPath(Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } home ? home : ".graphguard");

    /// <summary>The connection string the user set, or null to use the private cluster.</summary>
    public static string? ConnectionOverride() =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } cs ? cs : null;

    public static string PgBinDirectory() =>
        Environment.GetEnvironmentVariable(PgBinVariable) is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
}
