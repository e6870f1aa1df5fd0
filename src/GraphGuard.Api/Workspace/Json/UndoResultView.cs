namespace GraphGuard.Api.Workspace.Json;

/// <summary>An undone decision and how many accounts it covered.</summary>
public sealed record UndoResultView(long BatchId, int Accounts);
