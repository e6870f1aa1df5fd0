namespace GraphGuard.Api.Security;

/// <summary>Scope names as stored in <c>api_keys.scopes</c> and written on the command line.</summary>
public static class Scopes
{
    public const string RiskRead = "risk:read";
    public const string ClustersRead = "clusters:read";
    public const string LabelsWrite = "labels:write";
    public const string Admin = "admin";
    public const string Operations = "operations";

    public static IReadOnlyList<string> All { get; } = [RiskRead, ClustersRead, LabelsWrite, Admin, Operations];

    public static Scope Parse(string name) => name switch
    {
        RiskRead => Scope.RiskRead,
        ClustersRead => Scope.ClustersRead,
        LabelsWrite => Scope.LabelsWrite,
        Admin => Scope.Admin,
        Operations => Scope.Operations,
        _ => throw new ArgumentException($"unknown scope '{name}' (expected one of {string.Join(", ", All)})"),
    };

    public static string Name(Scope scope) => scope switch
    {
        Scope.RiskRead => RiskRead,
        Scope.ClustersRead => ClustersRead,
        Scope.LabelsWrite => LabelsWrite,
        Scope.Admin => Admin,
        Scope.Operations => Operations,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "not a single scope"),
    };

    /// <summary>Whether a key holding <paramref name="granted"/> may act under <paramref name="required"/>.</summary>
    public static bool Allows(Scope granted, Scope required) => (granted & Scope.Admin) != 0 || (granted & required) == required;
}
