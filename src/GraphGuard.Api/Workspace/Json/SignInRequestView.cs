namespace GraphGuard.Api.Workspace.Json;

/// <summary>The sign-in body: an analyst's API key.</summary>
public sealed record SignInRequestView(string? Key);
