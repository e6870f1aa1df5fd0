using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphGuard.Api.Snapshot;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// Parses <c>{"ids": [...]}</c> and looks each id up as it is read: an id that is not escaped is decoded onto
/// the stack and found through the snapshot's span lookup, so only unknown ids become strings.
/// </summary>
internal static class BatchRequest
{
    public const int MaxIds = 10_000;

    /// <summary>Body size limit: 10,000 ids of 256 bytes, escaped, with room for whitespace.</summary>
    public const long MaxBodyBytes = 8L << 20;

    /// <summary>The known accounts in request order (a pooled array; the caller returns it), the unknown ids, or why the body is bad.</summary>
    public static string? Parse(ReadOnlySequence<byte> body, PublishedRun run, out AccountRisk[] found, out int foundCount, out List<string> unknown)
    {
        found = [];
        foundCount = 0;
        unknown = [];
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 4 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "the body must be a JSON object {\"ids\": [...]}";
            }
            var sawIds = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("ids"u8))
                {
                    return $"unknown field '{Problems.Shown(reader.GetString())}': the body is {{\"ids\": [...]}}";
                }
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                {
                    return "'ids' must be an array of account id strings";
                }
                sawIds = true;
                var error = ReadIds(ref reader, run, ref found, ref foundCount, unknown);
                if (error is not null)
                {
                    return error;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "the body must be a single JSON object {\"ids\": [...]}";
            }
            return sawIds ? null : "the body has no 'ids' array";
        }
        catch (JsonException e)
        {
            return Problems.NotJson(e);
        }
    }

    private static string? ReadIds(ref Utf8JsonReader reader, PublishedRun run, ref AccountRisk[] found, ref int foundCount, List<string> unknown)
    {
        Span<char> chars = stackalloc char[AccountIds.MaxBytes];
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index == MaxIds)
            {
                return $"a batch holds at most {MaxIds:N0} ids";
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                return $"ids[{index}] is a {reader.TokenType.ToString().ToLowerInvariant()}, not a string";
            }
            scoped ReadOnlySpan<char> id;
            if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= AccountIds.MaxBytes)
            {
                id = chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)];
            }
            else
            {
                id = reader.GetString();
            }
            if (AccountIds.Problem(id) is { } problem)
            {
                return $"ids[{index}]: {problem}";
            }
            if (found.Length == foundCount)
            {
                var larger = ArrayPool<AccountRisk>.Shared.Rent(Math.Max(64, foundCount * 2));
                found.AsSpan(0, foundCount).CopyTo(larger);
                if (found.Length > 0)
                {
                    ArrayPool<AccountRisk>.Shared.Return(found, clearArray: true);
                }
                found = larger;
            }
            if (run.TryGet(id, out var risk))
            {
                found[foundCount++] = risk;
            }
            else
            {
                unknown.Add(id.ToString());
            }
            index++;
        }
        return index == 0 ? $"'ids' holds 1 to {MaxIds:N0} account ids; this one is empty" : null;
    }
}
