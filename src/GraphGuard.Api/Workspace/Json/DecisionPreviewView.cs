namespace GraphGuard.Api.Workspace.Json;

/// <summary>What a decision would cover before it is made: how many accounts, how many carry a decision already, a few of them.</summary>
public sealed record DecisionPreviewView(int Accounts, int AlreadyDecided, IReadOnlyList<string> Sample);
