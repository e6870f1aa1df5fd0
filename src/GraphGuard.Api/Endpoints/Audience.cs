using System.Text.Json.Serialization.Metadata;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// How one audience is answered: tools under <c>/v1</c> (the service's JSON context, problems from <see cref="Problems"/>)
/// or the workspace (its JSON context, problems from <see cref="WorkspaceResults"/>). A read that both audiences make is
/// written once against this and mapped for both by <see cref="BothAudiences"/>.
/// </summary>
internal sealed class Audience<T>(ServiceState state, JsonTypeInfo<T> json, bool workspace)
{
    public IResult Json(T value) => TypedResults.Json(value, json);

    public IResult Invalid(HttpContext context, string detail) =>
        workspace ? WorkspaceResults.Invalid(context, detail) : Problems.Result(StatusCodes.Status400BadRequest, detail);

    public IResult NotFound(HttpContext context, string detail) =>
        workspace ? WorkspaceResults.NotFound(context, detail) : Problems.Result(StatusCodes.Status404NotFound, detail);

    /// <summary>What <paramref name="load"/> reads of the published run, or the audience's 503 while no run is loaded.</summary>
    public async Task<IResult> FromRunAsync(HttpContext context, Func<PublishedRun, CancellationToken, Task<T>> load) => state.Run is { } run
        ? Json(await load(run, context.RequestAborted).ConfigureAwait(false))
        : workspace ? WorkspaceResults.NoRun(context) : Problems.Result(StatusCodes.Status503ServiceUnavailable, EnforcementEndpoints.NoRunDetail);
}
