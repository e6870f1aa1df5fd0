using System.Text.Json.Serialization;
using GraphGuard.Api.Json;
using GraphGuard.Storage.Review;

namespace GraphGuard.Api.Workspace.Json;

/// <summary>Source-generated JSON for the workspace's calls: snake_case like the rest of the service, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SignInRequestView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(QueueView))]
[JsonSerializable(typeof(ClusterPageView))]
[JsonSerializable(typeof(GraphView))]
[JsonSerializable(typeof(ActivityView))]
[JsonSerializable(typeof(PivotView))]
[JsonSerializable(typeof(AccountPageView))]
[JsonSerializable(typeof(NeighborhoodPageView))]
[JsonSerializable(typeof(PathsView))]
[JsonSerializable(typeof(DecisionRequestView))]
[JsonSerializable(typeof(DecisionPreviewView))]
[JsonSerializable(typeof(DecisionResultView))]
[JsonSerializable(typeof(UndoResultView))]
[JsonSerializable(typeof(AuditView))]
[JsonSerializable(typeof(ReviewQueueView))]
[JsonSerializable(typeof(RunPrecision))]
[JsonSerializable(typeof(ModelHealthView))]
[JsonSerializable(typeof(ModelListView))]
[JsonSerializable(typeof(ModelView))]
internal sealed partial class WorkspaceJsonContext : JsonSerializerContext;
