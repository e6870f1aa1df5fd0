using System.Net;
using System.Text.Json;

namespace GraphGuard.Api.Tests;

/// <summary>Checks an error response: its status, problem+json content type, and that its detail says what went wrong.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        if (detailContains is not null)
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(detailContains));
        }
        return problem;
    }
}
