namespace GraphGuard.Core.Interchange;

/// <summary>
/// The columns one format-v1 file may have. Required columns must all be present; optional ones may be;
/// in <c>accounts.csv</c> any column named <c>f_&lt;name&gt;</c> is a numeric feature. Column order is free.
/// </summary>
public sealed record FileSchema(InterchangeFile File, string BaseName, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, bool AllowsFeatures)
{
    /// <summary>Maximum length of an id in UTF-8 bytes (<see cref="ExternalIds"/>).</summary>
    public const int MaxIdBytes = ExternalIds.MaxBytes;

    public static FileSchema Accounts { get; } = new(InterchangeFile.Accounts, "accounts", ["account_id", "created_at"], ["country"], AllowsFeatures: true);
    public static FileSchema Events { get; } = new(InterchangeFile.Events, "events", ["event_id", "ts", "actor", "action", "target_type", "target"], [], false);
    public static FileSchema Content { get; } = new(InterchangeFile.Content, "content", ["content_id", "author", "created_at"], ["text", "media_hash"], false);
    public static FileSchema ContentSignals { get; } = new(InterchangeFile.ContentSignals, "content_signals", ["content_id", "signal", "score"], ["model", "ts"], false);
    public static FileSchema Labels { get; } = new(InterchangeFile.Labels, "labels", ["account_id", "label", "source"], ["ts"], false);
    public static FileSchema ContentLabels { get; } = new(InterchangeFile.ContentLabels, "content_labels", ["content_id", "label", "source"], ["ts"], false);

    /// <summary>Every schema, in load order.</summary>
    public static IReadOnlyList<FileSchema> All { get; } = [Accounts, Content, Events, ContentSignals, Labels, ContentLabels];

    /// <summary>
    /// Checks a header record and maps column names to positions. Returns null and a reason naming the
    /// offending column when the header cannot be used.
    /// </summary>
    public HeaderLayout? Bind(CsvRecord header, out string? error)
    {
        error = null;
        if (header.SyntaxError is not null)
        {
            error = $"header is not valid CSV: {header.SyntaxError}";
            return null;
        }
        if (!System.Text.Unicode.Utf8.IsValid(header.Raw))
        {
            error = "header is not valid UTF-8";
            return null;
        }
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = new List<(string Name, int Index)>();
        for (var i = 0; i < header.FieldCount; i++)
        {
            // Escaped: a header with control bytes is reported, and PostgreSQL text cannot hold NUL.
            var name = Printable.Of(header[i]).Trim();
            if (!positions.TryAdd(name, i))
            {
                error = $"column '{name}' appears twice";
                return null;
            }
            if (AllowsFeatures && name.StartsWith("f_", StringComparison.Ordinal))
            {
                if (!FieldRules.IsName(name.AsSpan(2), 64))
                {
                    error = $"feature column '{name}' must be f_ followed by 1-64 of [a-z0-9_]";
                    return null;
                }
                features.Add((name[2..], i));
            }
            else if (!Required.Contains(name) && !Optional.Contains(name))
            {
                var known = string.Join(", ", Required.Concat(Optional)) + (AllowsFeatures ? ", f_<name>" : "");
                error = $"unknown column '{name}' (known columns: {known})";
                return null;
            }
        }
        var missing = Required.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            error = $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}";
            return null;
        }
        return new HeaderLayout(header.FieldCount, positions, features);
    }
}
