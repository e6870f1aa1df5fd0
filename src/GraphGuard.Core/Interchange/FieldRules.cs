using System.Buffers;
using System.Buffers.Text;

namespace GraphGuard.Core.Interchange;

/// <summary>The value rules of format v1, shared by the row parsers.</summary>
public static class FieldRules
{
    private static readonly SearchValues<byte> NameBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_"u8);
    private static readonly SearchValues<byte> ActionBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyz_"u8);

    /// <summary>An action: a lowercase word of 1-32 characters from <c>[a-z_]</c>.</summary>
    public static bool IsAction(ReadOnlySpan<byte> value) =>
        value.Length is >= 1 and <= 32 && !value.ContainsAnyExcept(ActionBytes);

    /// <summary>A name (signal, feature): 1-<paramref name="maxLength"/> characters from <c>[a-z0-9_]</c>.</summary>
    public static bool IsName(ReadOnlySpan<byte> value, int maxLength) =>
        value.Length >= 1 && value.Length <= maxLength && !value.ContainsAnyExcept(NameBytes);

    /// <inheritdoc cref="IsName(ReadOnlySpan{byte}, int)"/>
    public static bool IsName(ReadOnlySpan<char> value, int maxLength)
    {
        if (value.Length < 1 || value.Length > maxLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (c > 127 || !NameBytes.Contains((byte)c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A finite number written in invariant notation (e.g. <c>0.25</c>, <c>-3</c>, <c>1e-4</c>).</summary>
    public static bool TryNumber(ReadOnlySpan<byte> value, out double number) =>
        Utf8Parser.TryParse(value, out number, out var consumed, 'G') && consumed == value.Length && double.IsFinite(number)
        || Utf8Parser.TryParse(value, out number, out consumed, 'E') && consumed == value.Length && double.IsFinite(number);

    /// <summary>A 64-bit perceptual hash: exactly 16 hexadecimal digits, either case (format v1.1's <c>media_hash</c>).</summary>
    public static bool TryMediaHash(ReadOnlySpan<byte> value, out ulong hash) =>
        Utf8Parser.TryParse(value, out hash, out var consumed, 'X') && consumed == 16 && value.Length == 16;
}
