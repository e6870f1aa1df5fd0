using GraphGuard.Api.Snapshot;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// Answers one call from what <paramref name="load"/> reads of the published run: the result as JSON in the route's
/// audience's context, or that audience's 503 while no run is loaded (see <see cref="PublishedRunReads"/>).
/// </summary>
internal delegate Task<IResult> PublishedRunAnswer<T>(HttpContext context, Func<PublishedRun, CancellationToken, Task<T>> load);
