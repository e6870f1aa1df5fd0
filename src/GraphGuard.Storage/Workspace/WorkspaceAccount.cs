namespace GraphGuard.Storage.Workspace;

/// <summary>An account as the workspace shows it: its graph id, external id, when it was created and its country.</summary>
public sealed record WorkspaceAccount(int Id, string ExternalId, DateTime? CreatedAt, string? Country);
