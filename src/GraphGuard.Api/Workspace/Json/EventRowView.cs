namespace GraphGuard.Api.Workspace.Json;

/// <summary>One event of an account: when, which way (out: the account acted; in: acted on), the action and the other end.</summary>
public sealed record EventRowView(DateTime At, string Direction, string Action, GraphNodeView Other);
