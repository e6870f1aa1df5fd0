using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphGuard.Api.Security;
using GraphGuard.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace GraphGuard.Api.Tests;

/// <summary>
/// Every route the service maps, read from its endpoint table (so a route added later is swept without being
/// listed here), sent hostile values in each route value, query parameter and body field, with a key that may do
/// everything: no answer is a 5xx, every refusal is a problem+json in our words that echoes no input whole,
/// nothing logs a stack trace, and none of it is taken for a database outage.
/// </summary>
public sealed partial class HostileInputSweepTests
{
    // Already percent-encoded, as they travel in a path or query: NUL, an escape sequence, bytes that are not
    // UTF-8, a 7,000-byte value, numbers out of every range, path tricks.
    private static readonly string[] HostileUrlValues =
        ["%00", "a%00b", "%1B%5B2J", "%FF%FE", new string('z', 7000), "-1", "0", "99999999999999999999", "1e400", "NaN", "..", "a%2Fb", "%20"];

    // JSON values put in each body field in turn: NUL, a control character, an unpaired surrogate, a 7,000-byte
    // string, the empty string, numbers out of range, and every wrong type.
    private static readonly string[] HostileJsonValues =
        ["\"a\\u0000b\"", "\"\\u001b[2J\"", "\"\\ud800\"", $"\"{new string('z', 7000)}\"", "\"\"", "-1", "99999999999999999999", "1e400", "1.5", "true", "null",
         "[\"a1\",\"a\\u0000\"]", "[]", "{\"x\":1}"];

    private static readonly string[] MalformedBodies = ["", "{\"account_id\":", "[1,2]", "null", "\"text\"", "{}", "{\"x\":1}", "\u0000"];

    private ServiceHost _host = null!;
    private HttpClient _keyed = null!;
    private HttpClient _workspace = null!;
    private string _csrf = "";
    private string _key = "";
    private long _clusterId;
    private readonly LogLines _log = new();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _clusterId) = await ServiceHost.StartPublishedAsync("sweep", logging: l => l.AddProvider(_log));
        _key = await _host.KeyAsync("sweeper", 1_000_000, Scopes.Admin);
        _keyed = _host.Client(_key);
        _workspace = _host.Client();
        var session = await _workspace.PostAsync("/workspace/api/sign-in", Json($"{{\"key\":\"{_key}\"}}"));
        Assert.That(session.StatusCode, Is.EqualTo(HttpStatusCode.OK), await session.Content.ReadAsStringAsync());
        _csrf = JsonDocument.Parse(await session.Content.ReadAsStringAsync()).RootElement.GetProperty("csrf_token").GetString()!;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _keyed.Dispose();
        _workspace.Dispose();
        await _host.DisposeAsync();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The routes to sweep: every mapped one but sign-out, which would end the sweep's own session.</summary>
    private List<RouteEndpoint> Routes() =>
        [.. _host.Endpoints.Where(e => e.RoutePattern.RawText != "/workspace/api/sign-out")];

    private static string Method(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    /// <summary>The query parameters a route's handler binds, by name.</summary>
    private static List<string> QueryNames(RouteEndpoint endpoint) =>
        [.. endpoint.Metadata.OfType<System.Reflection.MethodInfo>().SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes(typeof(FromQueryAttribute), false).OfType<FromQueryAttribute>().FirstOrDefault() is { } q ? q.Name ?? p.Name! : null)
            .OfType<string>().Distinct()];

    /// <summary>A value each route value accepts, so one hostile value at a time reaches the handler's later checks.</summary>
    private string Valid(string route, string parameter) => parameter switch
    {
        "id" when route.Contains("/clusters/", StringComparison.Ordinal) => _clusterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "id" when route.Contains("/entities/", StringComparison.Ordinal) => "d1",
        "version" => "m-1",
        "documentName" => "v1",
        "batch" => "1",
        _ => "a1",
    };

    private string Url(RouteEndpoint endpoint, string? hostileParameter, string? hostile)
    {
        var route = endpoint.RoutePattern.RawText!;
        var url = route;
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            url = url.Replace("{" + parameter.Name + "}", parameter.Name == hostileParameter ? hostile : Valid(route, parameter.Name), StringComparison.Ordinal);
        }
        return url;
    }

    /// <summary>A body the endpoint accepts (the fields by their snake_case names), with <paramref name="field"/> set to raw JSON <paramref name="json"/>.</summary>
    private string Body(Type type, string? field, string? json)
    {
        var fields = new List<string>();
        foreach (var property in type.GetProperties())
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            var value = name == field ? json : name switch
            {
                "account_id" => "\"a1\"",
                "label" => "\"abusive\"",
                "note" or "reason" => "\"checked in the sweep\"",
                "ids" => "[\"a1\",\"a2\"]",
                "key" => $"\"{_key}\"",
                _ => null,
            };
            if (value is not null)
            {
                fields.Add($"\"{name}\":{value}");
            }
        }
        return "{" + string.Join(",", fields) + "}";
    }

    private async Task<HttpResponseMessage> SendAsync(RouteEndpoint endpoint, string url, string? body)
    {
        var workspace = url.StartsWith("/workspace/", StringComparison.Ordinal);
        // Sign-in with a fresh client: a successful one would replace the sweep's session cookie.
        using var fresh = url == "/workspace/api/sign-in" ? _host.Client() : null;
        var client = fresh ?? (workspace ? _workspace : _keyed);
        using var request = new HttpRequestMessage(new HttpMethod(Method(endpoint)), url);
        if (body is not null)
        {
            request.Content = Json(body);
        }
        if (workspace)
        {
            request.Headers.Add("X-CSRF-Token", _csrf);
        }
        return await client.SendAsync(request);
    }

    [GeneratedRegex(@"\w+View\b|System\.|Microsoft\.|GraphGuard\.|Npgsql|   at ")]
    private static partial Regex InternalName();

    /// <summary>What is wrong with <paramref name="response"/>, or null.</summary>
    private static async Task<string?> FaultAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500 && !(status == 503 && text.Contains("no published run", StringComparison.Ordinal)))
        {
            return $"{status}: {text[..Math.Min(text.Length, 300)]}";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as '{response.Content.Headers.ContentType?.MediaType}', not problem+json: '{text[..Math.Min(text.Length, 200)]}'";
        }
        var detail = JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        if (InternalName().Match(detail) is { Success: true } name)
        {
            return $"{status} names an internal type or trace ('{name.Value}'): {detail[..Math.Min(detail.Length, 300)]}";
        }
        return text.Contains(new string('z', 300), StringComparison.Ordinal) ? $"{status} echoes a long input whole ({text.Length} characters)" : null;
    }

    [Test]
    public async Task No_hostile_input_on_any_route_gets_a_500_an_internal_name_or_a_stack_trace()
    {
        var routes = Routes();
        Assert.That(routes.Select(r => r.RoutePattern.RawText), Does.Contain("/v1/labels").And.Contain("/workspace/api/decisions").And.Contain("/workspace/api/paths"),
            "the sweep finds the service's routes");
        var faults = new List<string>();
        var sent = 0;
        async Task TryAsync(RouteEndpoint endpoint, string url, string? body, string what)
        {
            sent++;
            string? fault;
            try
            {
                var response = await SendAsync(endpoint, url, body);
                // Kestrel refuses a NUL in the path itself, with an empty 400, before the service sees the request
                // (docs/api.md names this gap); everywhere else the service answers.
                fault = url.Split('?')[0].Contains("%00", StringComparison.Ordinal)
                    ? response.StatusCode == HttpStatusCode.BadRequest ? null : $"{(int)response.StatusCode} where Kestrel answers 400"
                    : await FaultAsync(response);
            }
            catch (HttpRequestException e)
            {
                fault = "no answer: " + (e.InnerException ?? e).Message;
            }
            if (fault is not null)
            {
                faults.Add($"{Method(endpoint)} {endpoint.RoutePattern.RawText} with {what}: {fault}");
            }
        }

        foreach (var endpoint in routes)
        {
            var requestType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var validBody = requestType is null ? null : Body(requestType, null, null);
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                foreach (var hostile in HostileUrlValues)
                {
                    await TryAsync(endpoint, Url(endpoint, parameter.Name, hostile), validBody, $"{{{parameter.Name}}} = {hostile[..Math.Min(hostile.Length, 20)]}");
                }
            }
            var valid = Url(endpoint, null, null);
            foreach (var name in QueryNames(endpoint))
            {
                foreach (var hostile in HostileUrlValues.Append("1&" + name + "=2"))
                {
                    await TryAsync(endpoint, $"{valid}?{name}={hostile}", validBody, $"?{name}={hostile[..Math.Min(hostile.Length, 20)]}");
                }
            }
            if (requestType is null)
            {
                continue;
            }
            foreach (var body in MalformedBodies)
            {
                await TryAsync(endpoint, valid, body, $"body '{body}'");
            }
            foreach (var property in requestType.GetProperties())
            {
                var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
                foreach (var hostile in HostileJsonValues)
                {
                    await TryAsync(endpoint, valid, Body(requestType, field, hostile), $"\"{field}\": {hostile[..Math.Min(hostile.Length, 20)]}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(faults, Is.Empty, $"{faults.Count} of {sent} requests:\n" + string.Join("\n", faults));
            Assert.That(_log.Lines.Where(l => l.Contains("   at ", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)), Is.Empty,
                "nothing logs a stack trace or an error");
        });
        using var anonymous = _host.Client();
        Assert.That((await anonymous.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "no hostile input is taken for an outage");
    }
}
