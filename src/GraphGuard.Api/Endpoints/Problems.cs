using System.Buffers;
using System.Text.Json;
using GraphGuard.Core.Interchange;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// RFC 9457 problem details, written by hand, for every error the service answers: one shape and one
/// status per condition across endpoints (400 bad input, 401/403 keys, 404 unknown, 413 body too large,
/// 429 rate, 503 no run or no database, with Retry-After). What a caller sent is never echoed whole.
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Seconds a client should wait before retrying a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Longest piece of caller input quoted in a problem.</summary>
    private const int MaxEchoed = 64;

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeOf(status));
            json.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("instance", Shown(context.Request.Path.Value ?? "", 256));
            json.WriteEndObject();
        }
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>The same problem as an endpoint result.</summary>
    public static IResult Result(int status, string detail) => new ProblemResult(status, detail);

    /// <summary>Caller input as a problem may quote it: control characters escaped, cut to <paramref name="max"/> characters.</summary>
    public static string Shown(string? text, int max = MaxEchoed)
    {
        if (text is null)
        {
            return "";
        }
        var escaped = Printable.Escape(text.Length > max ? text[..max] : text);
        return text.Length > max ? $"{escaped}… ({text.Length} characters)" : escaped;
    }

    /// <summary>Where a JSON body broke, in our words (the parser's own message names its internals).</summary>
    public static string NotJson(JsonException e) =>
        $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})";

    /// <summary>
    /// A request the framework could not read or bind, in our words: its own message names the handler's
    /// parameter and type ("Failed to read parameter "DecisionRequestView request""), which is not the caller's business.
    /// </summary>
    public static string Unreadable(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException { Path: { Length: > 1 } path } json =>
            $"the body's field {Shown(path)} is missing its value, of the wrong type or not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})",
        JsonException json => NotJson(json),
        _ when e.Message.Contains("parameter", StringComparison.Ordinal) => "the request has no body, or one this endpoint cannot read: send a JSON object",
        _ => "the request could not be read: " + e.Message,
    };

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "about:blank",
    };

    private sealed class ProblemResult(int status, string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, detail);
    }
}
