using System.Buffers;
using System.Text.Json;
using GraphGuard.Api.Snapshot;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// Writes an account's risk straight from the snapshot with a <see cref="Utf8JsonWriter"/>: property names,
/// bands, reasons and detectors are pre-encoded, so a lookup formats two numbers and copies bytes.
/// </summary>
internal static class RiskJson
{
    private static readonly JsonEncodedText AccountId = JsonEncodedText.Encode("account_id");
    private static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText Margin = JsonEncodedText.Encode("margin");
    private static readonly JsonEncodedText Band = JsonEncodedText.Encode("band");
    private static readonly JsonEncodedText ModelVersion = JsonEncodedText.Encode("model_version");
    private static readonly JsonEncodedText RunId = JsonEncodedText.Encode("run_id");
    private static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
    private static readonly JsonEncodedText Clusters = JsonEncodedText.Encode("clusters");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Detectors = JsonEncodedText.Encode("detectors");
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    public static JsonWriterOptions WriterOptions => Options;

    /// <summary>Writes one account as the whole response body, with its length, without allocating.</summary>
    public static Task WriteResponse(HttpContext context, PublishedRun run, AccountRisk risk)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = _threadWriter ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        Write(json, run, risk);
        json.Flush();
        var response = context.Response;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        // Copied into Kestrel's pipe before returning, so the thread's buffer is free for the next request.
        response.BodyWriter.Write(buffer.WrittenSpan);
        return Task.CompletedTask;
    }

    public static void Write(Utf8JsonWriter json, PublishedRun run, AccountRisk risk)
    {
        json.WriteStartObject();
        json.WriteString(AccountId, risk.AccountId);
        json.WriteNumber(Score, risk.Score);
        json.WriteString(Band, risk.BandJson);
        json.WriteNumber(Margin, risk.Margin);
        json.WriteString(ModelVersion, run.ModelVersion);
        json.WriteNumber(RunId, run.Head.RunId);
        json.WriteStartArray(Reasons);
        foreach (var reason in risk.Reasons)
        {
            json.WriteStringValue(reason);
        }
        json.WriteEndArray();
        json.WriteStartArray(Clusters);
        foreach (var cluster in risk.Clusters)
        {
            json.WriteStartObject();
            json.WriteNumber(Id, cluster.Id);
            json.WriteNumber(Score, cluster.Score);
            json.WriteStartArray(Detectors);
            foreach (var detector in cluster.Detectors)
            {
                json.WriteStringValue(detector);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
