using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GraphGuard.Api.Security;

/// <summary>
/// Keys look like <c>gg_&lt;prefix&gt;_&lt;secret&gt;</c>: an 8-character lowercase hex prefix that names the key
/// without revealing it, and 32 random bytes as base64url. Only the SHA-256 of the whole key is stored.
/// </summary>
public static class ApiKeyFormat
{
    public const int PrefixLength = 8;
    private const int SecretLength = 43;  // base64url of 32 bytes, unpadded
    public const int KeyLength = 3 + PrefixLength + 1 + SecretLength;

    /// <summary>A new random key and its prefix.</summary>
    public static (string Key, string Prefix) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"gg_{prefix}_{secret}", prefix);
    }

    /// <summary>The prefix of a well-formed key, or false for anything that cannot be one.</summary>
    public static bool TryGetPrefix(ReadOnlySpan<char> key, out ReadOnlySpan<char> prefix)
    {
        prefix = default;
        if (key.Length != KeyLength || !key.StartsWith("gg_", StringComparison.Ordinal) || key[3 + PrefixLength] != '_')
        {
            return false;
        }
        prefix = key.Slice(3, PrefixLength);
        return true;
    }

    /// <summary>SHA-256 of the key's ASCII bytes, as stored in <c>api_keys.key_hash</c>.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="expected"/>, without allocating, in constant time.</summary>
    public static bool Matches(ReadOnlySpan<char> key, ReadOnlySpan<byte> expected)
    {
        Span<byte> ascii = stackalloc byte[KeyLength];
        if (Encoding.ASCII.GetBytes(key, ascii) != KeyLength)
        {
            return false;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        return CryptographicOperations.FixedTimeEquals(hash, expected);
    }
}
