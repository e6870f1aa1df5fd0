using System.Text.Json;

namespace GraphGuard.Api.Snapshot;

/// <summary>A cluster of the published run as a risk lookup lists it; detector names are pre-encoded JSON.</summary>
internal sealed record ClusterRef(long Id, float Score, JsonEncodedText[] Detectors);
