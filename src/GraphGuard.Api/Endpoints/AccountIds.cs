using System.Text;

namespace GraphGuard.Api.Endpoints;

/// <summary>Account ids as docs/data-format.md defines them: 1 to 256 bytes of UTF-8, here also without control characters.</summary>
internal static class AccountIds
{
    public const int MaxBytes = 256;

    /// <summary>Why <paramref name="id"/> cannot be an account id, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty)
        {
            return "an account id is 1 to 256 bytes; this one is empty";
        }
        // Only ids longer than 85 characters can exceed 256 UTF-8 bytes: count bytes only then.
        if (id.Length > MaxBytes / 3 && Encoding.UTF8.GetByteCount(id) > MaxBytes)
        {
            return $"an account id is 1 to 256 bytes; this one is {Encoding.UTF8.GetByteCount(id)}";
        }
        return id.ContainsAnyInRange('\0', '\u001f') || id.Contains('\u007f') ? "an account id has no control characters" : null;
    }
}
