using GraphGuard.Storage.Drift;

namespace GraphGuard.Api.Json;

/// <summary>The published run's model health: its drift against the reference run (null when the run has no drift stage).</summary>
public sealed record ModelHealthView(long RunId, DriftReport? Drift);
