using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// The changes feed's opaque cursor: base64url of a version byte, the last change id a page returned
/// (big-endian), and the first 16 bytes of an HMAC-SHA256 of those nine bytes under the service's cursor
/// key. A cursor the service did not issue, or an edited one, fails the MAC and is refused. Version 1
/// (unsigned) cursors are refused too: anyone could write one.
/// </summary>
internal static class ChangeCursor
{
    private const byte Version = 2;
    private const int PositionBytes = 9;
    private const int MacBytes = 16;
    private const int Bytes = PositionBytes + MacBytes;
    private const int Chars = (Bytes * 4 + 2) / 3;

    public static string Encode(long lastChangeId, byte[] key)
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..PositionBytes], lastChangeId);
        Mac(key, bytes[..PositionBytes], bytes[PositionBytes..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The last change id the cursor stands for; false for anything this service did not issue.</summary>
    public static bool TryDecode(string cursor, byte[] key, out long lastChangeId)
    {
        lastChangeId = 0;
        Span<byte> bytes = stackalloc byte[Bytes];
        if (cursor.Length != Chars || !Base64Url.IsValid(cursor) || Base64Url.DecodeFromChars(cursor, bytes) != Bytes || bytes[0] != Version)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(key, bytes[..PositionBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PositionBytes..]))
        {
            return false;
        }
        lastChangeId = BinaryPrimitives.ReadInt64BigEndian(bytes[1..PositionBytes]);
        return lastChangeId >= 0;
    }

    private static void Mac(byte[] key, ReadOnlySpan<byte> position, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, position, full);
        full[..MacBytes].CopyTo(mac);
    }
}
