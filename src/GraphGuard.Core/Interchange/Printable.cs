using System.Text;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// Field bytes as they may appear in a message: control characters written as <c>\xNN</c> (so a detail can
/// be stored as PostgreSQL text, which cannot hold NUL, and printed without moving a terminal's cursor),
/// and cut to a length with an ellipsis.
/// </summary>
public static class Printable
{
    public static string Of(ReadOnlySpan<byte> bytes, int maxBytes = int.MaxValue)
    {
        var cut = bytes.Length > maxBytes;
        var text = Encoding.UTF8.GetString(cut ? bytes[..maxBytes] : bytes);
        return Escape(text) + (cut ? "…" : "");
    }

    /// <summary>Escapes control characters (U+0000-U+001F, U+007F-U+009F) of <paramref name="text"/>.</summary>
    public static string Escape(string text)
    {
        if (!ExternalIds.HasControlCharacter(text))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is <= '\u001f' or (>= '\u007f' and <= '\u009f'))
            {
                escaped.Append($"\\x{(int)c:x2}");
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }
}
