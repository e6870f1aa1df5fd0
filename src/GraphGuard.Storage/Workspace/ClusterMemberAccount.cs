namespace GraphGuard.Storage.Workspace;

/// <summary>A member of a cluster with its role and when its account was created.</summary>
public sealed record ClusterMemberAccount(int Id, string ExternalId, string Role, DateTime? CreatedAt);
