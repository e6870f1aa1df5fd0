using System.Text.Json;
using GraphGuard.Storage.Service;

namespace GraphGuard.Api.Snapshot;

/// <summary>
/// The published run, immutable once built: every scored account by its external id. The service swaps
/// the whole object when a new publication appears, so a lookup sees one run, never a mix.
/// </summary>
internal sealed class PublishedRun(PublicationHead head, Dictionary<string, AccountRisk> accounts, int clusterCount)
{
    private readonly Dictionary<string, AccountRisk> _accounts = accounts;

    public PublicationHead Head { get; } = head;

    public JsonEncodedText ModelVersion { get; } = JsonEncodedText.Encode(head.ModelVersion);

    public int AccountCount => _accounts.Count;

    public int ClusterCount { get; } = clusterCount;

    public bool TryGet(ReadOnlySpan<char> accountId, out AccountRisk risk) =>
        _accounts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(accountId, out risk!);

    public AccountRisk? Find(string accountId) => _accounts.GetValueOrDefault(accountId);
}
