namespace GraphGuard.Storage.Service;

/// <summary>One account's score in a published run, as the service holds it.</summary>
public readonly record struct PublishedScore(string ExternalId, int EntityId, float Score, float Margin, string Band, string[] Reasons, float[] ReasonContributions);
