using System.Text.Json;
using GraphGuard.Storage.Models;

namespace GraphGuard.Api.Json;

/// <summary>A registered model: version, the run that trained it, whether it serves, its release decision, its training summary and (for one model) its card.</summary>
public sealed record ModelView(string Version, long? RunId, DateTime CreatedAt, bool Serving, ModelRelease? Release, JsonElement Summary, string? Card)
{
    public static ModelView From(RegisteredModel model, string? card)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var summary = JsonDocument.Parse(model.SummaryJson);
        return new ModelView(model.Version, model.RunId, model.CreatedAt, model.Serving, model.Release, summary.RootElement.Clone(), card);
    }
}
