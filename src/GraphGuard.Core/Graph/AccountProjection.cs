namespace GraphGuard.Core.Graph;

/// <summary>
/// An account–account graph over <see cref="AccountIndex"/> numbering, with what it was made of:
/// contexts that tied accounts, hubs skipped, and pairs emitted before duplicates were merged.
/// </summary>
public sealed record AccountProjection(CsrGraph Graph, AccountIndex Accounts, long ContextsUsed, long HubsSkipped, long PairsEmitted) : IDisposable
{
    public void Dispose() => Graph.Dispose();
}
