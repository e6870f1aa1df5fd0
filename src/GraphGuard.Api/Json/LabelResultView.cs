namespace GraphGuard.Api.Json;

/// <summary>What a decision recorded: one analyst decision and one label per account.</summary>
public sealed record LabelResultView(string Label, string Note, string Author, DateTime DecidedAt, long? ClusterId, IReadOnlyList<string> Accounts);
