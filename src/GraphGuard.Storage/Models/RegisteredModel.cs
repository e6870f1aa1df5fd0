namespace GraphGuard.Storage.Models;

/// <summary>A stored risk model as the registry lists it.</summary>
/// <param name="Version">Its version.</param>
/// <param name="RunId">The run that trained it (null once that run was deleted).</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="SummaryJson">Its training summary (the artifact's training.json): data, split, metrics on its own held-out split.</param>
/// <param name="Serving">True when the published run scored with it.</param>
/// <param name="Release">Its champion-and-challenger decision, when it was a challenger.</param>
public sealed record RegisteredModel(string Version, long? RunId, DateTime CreatedAt, string SummaryJson, bool Serving, ModelRelease? Release);
