using System.Text;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// What an id (account, content, event, device, ...) may be, for ingest and for the service alike: 1 to
/// <see cref="MaxBytes"/> bytes of UTF-8 with no control character (Unicode category Cc: U+0000-U+001F,
/// U+007F-U+009F). An id the service could not be asked about must never be stored.
/// </summary>
public static class ExternalIds
{
    /// <summary>Maximum length of an id in UTF-8 bytes.</summary>
    public const int MaxBytes = 256;

    /// <summary>Checks an id given as UTF-8 (already known to be valid UTF-8).</summary>
    public static IdFault Check(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return IdFault.Empty;
        }
        if (utf8.Length > MaxBytes)
        {
            return IdFault.TooLong;
        }
        return HasControlCharacter(utf8) ? IdFault.ControlCharacter : IdFault.None;
    }

    /// <summary>Checks an id given as text.</summary>
    public static IdFault Check(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty)
        {
            return IdFault.Empty;
        }
        // Only ids longer than 85 characters can exceed 256 UTF-8 bytes: count bytes only then.
        if (id.Length > MaxBytes / 3 && Encoding.UTF8.GetByteCount(id) > MaxBytes)
        {
            return IdFault.TooLong;
        }
        return HasControlCharacter(id) ? IdFault.ControlCharacter : IdFault.None;
    }

    /// <summary>Whether UTF-8 text holds a C0 control, DEL, or a C1 control (encoded C2 80 to C2 9F).</summary>
    public static bool HasControlCharacter(ReadOnlySpan<byte> utf8)
    {
        if (utf8.ContainsAnyInRange((byte)0, (byte)0x1F) || utf8.Contains((byte)0x7F))
        {
            return true;
        }
        for (var i = utf8.IndexOf((byte)0xC2); i >= 0 && i + 1 < utf8.Length; i = NextC2(utf8, i))
        {
            if (utf8[i + 1] is >= 0x80 and <= 0x9F)
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc cref="HasControlCharacter(ReadOnlySpan{byte})"/>
    public static bool HasControlCharacter(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\0', '\u001f') || text.ContainsAnyInRange('\u007f', '\u009f');

    /// <summary>The sentence that says why an id of <paramref name="byteLength"/> bytes was refused.</summary>
    public static string Describe(IdFault fault, int byteLength) => fault switch
    {
        IdFault.Empty => "is empty",
        IdFault.TooLong => $"is {byteLength} bytes, more than {MaxBytes}",
        IdFault.ControlCharacter => "holds a control character (U+0000-U+001F, U+007F-U+009F), which ids may not contain",
        _ => "is a valid id",
    };

    private static int NextC2(ReadOnlySpan<byte> utf8, int i)
    {
        var next = utf8[(i + 1)..].IndexOf((byte)0xC2);
        return next < 0 ? -1 : i + 1 + next;
    }
}
