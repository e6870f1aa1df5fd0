namespace GraphGuard.Storage.Pipeline;

/// <summary>What a publication did.</summary>
/// <param name="PublicationId">The new publication, or the earlier one when <paramref name="AlreadyPublished"/>.</param>
/// <param name="RunId">The run now served.</param>
/// <param name="PreviousRunId">The run served before, or null when none was.</param>
/// <param name="BandChanges">Accounts whose band changed (new, gone, or moved).</param>
/// <param name="AlreadyPublished">The run had been published by an earlier attempt; nothing was done now.</param>
public sealed record Publication(long PublicationId, long RunId, long? PreviousRunId, long BandChanges, bool AlreadyPublished);
