namespace GraphGuard.Api.Endpoints;

/// <summary>
/// Free text a caller sends for the service to store (a label's note, a decision's reason): PostgreSQL text
/// cannot hold U+0000, so a NUL is a 400 naming the field before the text reaches the database.
/// </summary>
internal static class StorableText
{
    /// <summary>Why <paramref name="value"/> cannot be stored as <paramref name="field"/>, or null when it can.</summary>
    public static string? Problem(string field, string value) =>
        value.Contains('\0') ? $"'{field}' holds a NUL character (\\u0000), which text may not contain" : null;
}
