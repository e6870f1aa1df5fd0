using System.Text.Json.Serialization;
using GraphGuard.Storage.Review;

namespace GraphGuard.Api.Json;

/// <summary>Source-generated JSON for every body the service reads or writes through the serializer: snake_case, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AccountRiskView))]
[JsonSerializable(typeof(BatchRequestView))]
[JsonSerializable(typeof(BatchResponseView))]
[JsonSerializable(typeof(ChangesPageView))]
[JsonSerializable(typeof(ClusterListView))]
[JsonSerializable(typeof(ClusterView))]
[JsonSerializable(typeof(NeighborhoodView))]
[JsonSerializable(typeof(LabelRequestView))]
[JsonSerializable(typeof(LabelResultView))]
[JsonSerializable(typeof(ReadinessView))]
[JsonSerializable(typeof(ReviewQueueView))]
[JsonSerializable(typeof(RunPrecision))]
[JsonSerializable(typeof(ModelHealthView))]
[JsonSerializable(typeof(ModelListView))]
[JsonSerializable(typeof(ModelView))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
