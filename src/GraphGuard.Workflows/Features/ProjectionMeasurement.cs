using System.Globalization;

namespace GraphGuard.Workflows.Features;

/// <summary>The account-account shared-context projection of a snapshot: its size and build time.</summary>
/// <param name="Accounts">Accounts in the projection.</param>
/// <param name="Ties">Undirected account-account ties.</param>
/// <param name="ContextsUsed">Shared contexts that produced ties.</param>
/// <param name="HubsSkipped">Contexts too large to pair their accounts.</param>
/// <param name="PairsEmitted">Account pairs emitted before merging.</param>
/// <param name="Seconds">Build time.</param>
public sealed record ProjectionMeasurement(int Accounts, long Ties, long ContextsUsed, long HubsSkipped, long PairsEmitted, double Seconds)
{
    /// <summary>The line <c>graph snapshot --project</c> has always printed.</summary>
    public override string ToString() => string.Create(CultureInfo.CurrentCulture,
        $"{{ accounts = {Accounts}, ties = {Ties}, contexts_used = {ContextsUsed}, hubs_skipped = {HubsSkipped}, pairs_emitted = {PairsEmitted}, seconds = {Seconds} }}");
}
