using System.Buffers;
using System.Text.Json;
using GraphGuard.Api.Json;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// Parses the body of <c>POST /v1/labels</c> by hand, so every way it can be wrong is a 400 in our words —
/// where the JSON broke, which field is unknown or of the wrong type, a NUL in a string — and never reaches
/// the database (PostgreSQL text cannot hold U+0000).
/// </summary>
internal static class LabelRequest
{
    /// <summary>A label is a small object; anything larger is refused unread (413).</summary>
    public const long MaxBodyBytes = 64 << 10;

    public static string? Parse(ReadOnlySequence<byte> body, out LabelRequestView request)
    {
        request = new LabelRequestView(null, null, null, null);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 2 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "the body must be a JSON object like {\"account_id\": \"a1\", \"label\": \"abusive\", \"note\": \"...\"}";
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? accountId = null, label = null, note = null;
            long? clusterId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    return $"field '{Problems.Shown(name)}' appears twice";
                }
                reader.Read();
                var error = name switch
                {
                    "account_id" => ReadString(ref reader, name, out accountId),
                    "label" => ReadString(ref reader, name, out label),
                    "note" => ReadString(ref reader, name, out note),
                    "cluster_id" => ReadClusterId(ref reader, out clusterId),
                    _ => $"unknown field '{Problems.Shown(name)}': the fields are account_id, cluster_id, label and note",
                };
                if (error is not null)
                {
                    return error;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "the body must be a single JSON object";
            }
            request = new LabelRequestView(accountId, clusterId, label, note);
            return null;
        }
        catch (JsonException e)
        {
            return Problems.NotJson(e);
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a \uD800-\uDFFF escape without its other half: such a string is not text.
            return "the body holds a \\u escape of half a surrogate pair, which is not text";
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"'{name}' must be a string";
        }
        value = reader.GetString()!;
        return StorableText.Problem(name, value);
    }

    private static string? ReadClusterId(ref Utf8JsonReader reader, out long? clusterId)
    {
        clusterId = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var id) || id < 1)
        {
            return "'cluster_id' must be a positive integer";
        }
        clusterId = id;
        return null;
    }
}
