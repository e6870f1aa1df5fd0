namespace GraphGuard.Core.Synthetic;

/// <summary>Row counts of a generated world (header rows excluded, injected bad rows included).</summary>
public sealed record WorldSummary
{
    public required long Accounts { get; init; }
    public required long Events { get; init; }
    public required long Content { get; init; }
    public required long ContentSignals { get; init; }
    public required long Labels { get; init; }
    public required long ContentLabels { get; init; }
    public required long TruthRows { get; init; }
    public required long Lookalikes { get; init; }
    public required int BadRows { get; init; }

    /// <summary>Abusive accounts per pattern name (<c>bot_farm</c>, ...).</summary>
    public required IReadOnlyDictionary<string, int> AbusiveAccountsByPattern { get; init; }

    /// <summary>Planted campaigns per pattern name.</summary>
    public required IReadOnlyDictionary<string, int> CampaignsByPattern { get; init; }
}
