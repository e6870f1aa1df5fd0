using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection;

/// <summary>
/// Accounts tied by the devices, IPs, phones and payment instruments they share. A tie needs several
/// shared entities, so the single address of a campus or a carrier tells nothing; a cluster needs more
/// accounts than a household; and its score grows with how many accounts crowd onto each shared entity,
/// so 40 accounts on 3 devices scores high where 40 accounts on 40 devices would not.
/// </summary>
public sealed class SharedInfrastructureDetector(SharedInfrastructureOptions options) : IDetector
{
    public string Name => "shared_infrastructure";

    public DetectorResult Detect(DetectionInput input)
    {
        using var projection = SharedContextProjection.Build(input.Graph, new ProjectionOptions
        {
            InfrastructureKinds = options.Kinds,
            ContentActions = [],
            MaxAccountsPerInfrastructure = options.MaxAccountsPerAddress,
            MaxAccountsPerDevice = options.MaxAccountsPerDevice,
            CountSharedContexts = true,
        });
        var ties = StrongTies.Find(projection.Graph, options.MinSharedEntities, options.MinAccounts);
        var n = input.Accounts.Count;
        var clusterSize = new float[n];
        var crowding = new float[n];
        var clusters = new List<DetectedCluster>();
        foreach (var members in ties.Groups)
        {
            var shared = SharedEntities.Of(input.Graph, input.Accounts, members, [.. options.Kinds]);
            // Accounts per shared entity: a farm packs many accounts onto each of few entities.
            var perEntity = (double)members.Length / Math.Max(1, shared.Entities.Count);
            var score = (1 - Math.Exp(-perEntity / 4)) * Math.Min(1, members.Length / 15.0);
            var evidence = new Evidence(EvidenceKind.SharedInfrastructure, new Dictionary<string, double>
            {
                ["accounts"] = members.Length,
                ["devices"] = shared.Count(input.Graph, Domain.EntityKind.Device),
                ["ips"] = shared.Count(input.Graph, Domain.EntityKind.Ip),
                ["phones"] = shared.Count(input.Graph, Domain.EntityKind.Phone),
                ["payments"] = shared.Count(input.Graph, Domain.EntityKind.Payment),
                ["hours"] = shared.Entities.Count == 0 ? 0 : (shared.LastTime - shared.FirstTime) / 3600.0,
                ["top_accounts"] = shared.Entities.Count == 0 ? 0 : shared.Entities[0].Members,
                ["accounts_per_entity"] = perEntity,
            }, [.. shared.Entities.Take(3).Select(e => e.Node)]);
            var core = members.Where(a => ties.Degree[a] >= 2).ToArray();
            clusters.Add(new DetectedCluster(Name, members, core, score, [evidence]));
            foreach (var a in members)
            {
                clusterSize[a] = members.Length;
                crowding[a] = (float)perEntity;
            }
        }
        var tieCount = Array.ConvertAll(ties.Degree, d => (float)d);
        return new DetectorResult(clusters,
        [
            ("infra_strong_ties", tieCount),
            ("infra_max_shared", ties.Strongest),
            ("infra_cluster_size", clusterSize),
            ("infra_accounts_per_entity", crowding),
        ]);
    }
}
