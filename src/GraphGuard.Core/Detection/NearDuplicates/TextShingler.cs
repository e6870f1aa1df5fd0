using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// A text as a set of 32-bit shingle hashes. Normalization: lowercase; inside each whitespace-separated
/// word only letters and digits are kept (punctuation and emoji vanish); a number becomes one shared token,
/// since spam varies prices and counts to dodge exact matching; a link becomes its host (without
/// <c>www.</c>), weighted as several shingles, since the path is a per-post tracking code.
/// </summary>
/// <remarks>
/// Implementation note: shingles are single words. Posts and comments are 5 to 30 words, and a w-word
/// shingle loses w shingles per changed word: one substitution in ten words leaves a 1-shingle Jaccard of
/// 0.82, a 2-shingle one of 0.64 and a 3-shingle one of 0.45. Template spam differs from its siblings by a
/// verb, an amount and a link, so only single words keep its copies above the threshold; their wording
/// as a set is already specific enough.
/// </remarks>
internal static class TextShingler
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong HostFlag = 1UL << 63;
    private static readonly ulong NumberToken = StableHash.Mix(0x4E554D);

    /// <summary>
    /// Appends the sorted distinct shingles of <paramref name="text"/> to <paramref name="output"/>.
    /// Returns the number of distinct tokens, a host counting once.
    /// </summary>
    public static int Shingle(string text, int hostWeight, List<ulong> scratch, List<uint> output)
    {
        scratch.Clear();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (char.IsWhiteSpace(span[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < span.Length && !char.IsWhiteSpace(span[end]))
            {
                end++;
            }
            var token = Token(span[i..end]);
            if (token != 0)
            {
                scratch.Add(token);
            }
            i = end;
        }
        scratch.Sort();
        var start = output.Count;
        var tokens = 0;
        for (var t = 0; t < scratch.Count; t++)
        {
            if (t > 0 && scratch[t] == scratch[t - 1])
            {
                continue;
            }
            tokens++;
            var hash = scratch[t];
            if ((hash & HostFlag) == 0)
            {
                output.Add((uint)StableHash.Mix(hash));
                continue;
            }
            for (var k = 0; k < hostWeight; k++)
            {
                output.Add((uint)StableHash.Mix(hash, (ulong)k));
            }
        }
        SortDistinct(output, start);
        return tokens;
    }

    /// <summary>Hash of one word or link (host flag set on links); 0 when nothing is left of it.</summary>
    private static ulong Token(ReadOnlySpan<char> word)
    {
        var host = Host(word);
        if (!host.IsEmpty)
        {
            return Fnv(host, keepDots: true, out _) | HostFlag;
        }
        var hash = Fnv(word, keepDots: false, out var kept);
        if (kept.Letters + kept.Digits == 0)
        {
            return 0;
        }
        return ((kept.Letters == 0 ? NumberToken : hash) & ~HostFlag) | 1UL;
    }

    /// <summary>The host of an http(s) or www. link, or empty when <paramref name="word"/> is no link.</summary>
    private static ReadOnlySpan<char> Host(ReadOnlySpan<char> word)
    {
        var scheme = word.IndexOf("://", StringComparison.Ordinal);
        ReadOnlySpan<char> rest;
        if (scheme > 0 && (word[..scheme].Equals("http", StringComparison.OrdinalIgnoreCase) || word[..scheme].Equals("https", StringComparison.OrdinalIgnoreCase)))
        {
            rest = word[(scheme + 3)..];
        }
        else if (word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            rest = word;
        }
        else
        {
            return default;
        }
        var stop = rest.IndexOfAny("/?#:");
        var host = stop < 0 ? rest : rest[..stop];
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    // FNV-1a over the lowercased letters and digits (and a host's dots); the caller mixes it before use.
    private static ulong Fnv(ReadOnlySpan<char> word, bool keepDots, out (int Letters, int Digits) kept)
    {
        var hash = FnvOffset;
        kept = (0, 0);
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                kept.Letters++;
            }
            else if (char.IsDigit(c))
            {
                kept.Digits++;
            }
            else if (!(keepDots && c == '.'))
            {
                continue;
            }
            hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
        }
        return hash;
    }

    private static void SortDistinct(List<uint> values, int start)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values)[start..];
        span.Sort();
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[distinct - 1])
            {
                span[distinct++] = span[i];
            }
        }
        values.RemoveRange(start + distinct, span.Length - distinct);
    }
}
