using System.Buffers.Binary;
using System.Buffers.Text;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// The changes feed's opaque cursor: base64url of a version byte and the last change id a page returned,
/// big-endian. The version byte lets the format change later without misreading old cursors.
/// </summary>
internal static class ChangeCursor
{
    private const byte Version = 1;

    public static string Encode(long lastChangeId)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], lastChangeId);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The last change id the cursor stands for; false for anything this service did not issue.</summary>
    public static bool TryDecode(string cursor, out long lastChangeId)
    {
        lastChangeId = 0;
        Span<byte> bytes = stackalloc byte[9];
        if (cursor.Length != 12 || !Base64Url.IsValid(cursor) || Base64Url.DecodeFromChars(cursor, bytes) != 9 || bytes[0] != Version)
        {
            return false;
        }
        lastChangeId = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        return lastChangeId >= 0;
    }
}
