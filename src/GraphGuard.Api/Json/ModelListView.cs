namespace GraphGuard.Api.Json;

/// <summary>The model registry, newest first; <c>serving</c> names the published run's model.</summary>
public sealed record ModelListView(string? Serving, IReadOnlyList<ModelView> Models);
