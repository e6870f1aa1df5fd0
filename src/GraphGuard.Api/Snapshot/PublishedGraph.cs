using GraphGuard.Core.Graph;

namespace GraphGuard.Api.Snapshot;

/// <summary>
/// The interaction graph of a published run's window, for neighbourhoods and cluster subgraphs. Swapped whole
/// like <see cref="PublishedRun"/> and never disposed: a request may still read the old one, and its native
/// arrays are freed by their finalizers once nothing refers to it.
/// </summary>
internal sealed record PublishedGraph(long RunId, InteractionGraph Graph, TimeSpan LoadTime);
