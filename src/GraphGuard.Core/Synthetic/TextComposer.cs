namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Writes captions, comments, URLs and hashtags into scratch buffers. Legitimate text mixes a
/// community's topic words with its own made-up slang, so it is mostly distinct; spam and hostile text
/// come from small template banks with random edits, so it is near-duplicate by design.
/// The returned spans are valid until the next call.
/// </summary>
internal sealed class TextComposer
{
    private const int SlangWords = 24;

    private readonly WorldRandom _random;
    private readonly ulong _key;
    private readonly CsvBuffer _text = new();
    private readonly CsvBuffer _target = new();

    public TextComposer(WorldRandom random, ulong key)
    {
        _random = random;
        _key = key;
    }

    /// <summary>A caption in the community's words, ending with <paramref name="url"/> when one is given.</summary>
    public ReadOnlySpan<byte> LegitPost(int community, ReadOnlySpan<byte> url)
    {
        _text.Clear();
        if (_random.Chance(0.02))
        {
            // A quoted phrase: exercises RFC 4180 quote doubling downstream.
            _text.Raw("\"new\" "u8);
        }

        AppendWords(community, _random.Between(4, 13));
        if (_random.Chance(0.01))
        {
            _text.Byte((byte)'\n');
            AppendWords(community, _random.Between(2, 5));
        }

        if (!url.IsEmpty)
        {
            _text.Byte((byte)' ');
            _text.Raw(url);
        }

        if (_random.Chance(0.3))
        {
            _text.Byte((byte)' ');
            _text.Raw(_random.Pick(Vocabulary.Emoji));
        }

        return _text.Written;
    }

    public ReadOnlySpan<byte> LegitComment(int community)
    {
        _text.Clear();
        if (_random.Chance(0.55))
        {
            _text.Raw(_random.Pick(Vocabulary.ShortComments));
        }
        else
        {
            AppendWords(community, _random.Between(3, 9));
        }

        return _text.Written;
    }

    public ReadOnlySpan<byte> Hashtag(int community)
    {
        _target.Clear();
        _target.Byte((byte)'#');
        if (_random.Chance(0.5))
        {
            _target.Raw(_random.Pick(Topic(community)));
        }
        else
        {
            Slang(_target, community, _random.Next(SlangWords));
        }

        return _target.Written;
    }

    public ReadOnlySpan<byte> SpamHashtag()
    {
        _target.Clear();
        _target.Raw(_random.Pick(Vocabulary.SpamTags));
        return _target.Written;
    }

    public ReadOnlySpan<byte> LegitUrl()
    {
        _target.Clear();
        _target.Raw(_random.Pick(Vocabulary.LegitUrlPrefixes));
        RandomToken(_target, _random.Between(8, 12));
        return _target.Written;
    }

    /// <summary>One of the campaign's landing URLs: its own domain or a shortener, with a random path.</summary>
    public ReadOnlySpan<byte> SpamUrl(Campaign campaign)
    {
        _target.Clear();
        if (_random.Chance(0.3))
        {
            _target.Raw(Vocabulary.ShortenerHosts[(int)(campaign.Key % (ulong)Vocabulary.ShortenerHosts.Length)]);
            RandomToken(_target, 6);
            return _target.Written;
        }

        _target.Raw("https://"u8);
        ulong h = StableHash.Mix(campaign.Key, 0xD0);
        for (int i = 0; i < 3; i++, h >>= 8)
        {
            _target.Raw(Vocabulary.Syllables[(int)(h % (ulong)Vocabulary.Syllables.Length)]);
        }

        _target.Raw(Vocabulary.TopLevelDomains[(int)(h % (ulong)Vocabulary.TopLevelDomains.Length)]);
        _target.Byte((byte)'/');
        RandomToken(_target, 5);
        return _target.Written;
    }

    /// <summary>Spam text from one of the campaign's two templates; call after <see cref="SpamUrl"/>.</summary>
    public ReadOnlySpan<byte> SpamText(Campaign campaign, ReadOnlySpan<byte> url)
    {
        _text.Clear();
        var templates = Vocabulary.SpamTemplates;
        ulong h = StableHash.Mix(campaign.Key, 0x7E);
        int template = (int)((_random.Chance(0.5) ? h : h >> 20) % (ulong)templates.Length);
        Expand(templates[template], url);
        if (_random.Chance(0.25))
        {
            _text.Byte((byte)' ');
            _text.Raw(_random.Pick(Vocabulary.Emoji));
        }

        if (_random.Chance(0.15))
        {
            _text.Raw(" !!"u8);
            _text.Int(_random.Between(1, 100));
        }

        return _text.Written;
    }

    public ReadOnlySpan<byte> Hostile()
    {
        _text.Clear();
        Expand(_random.Pick(Vocabulary.HostileTemplates), default);
        if (_random.Chance(0.3))
        {
            _text.Raw("!!!"u8);
        }

        return _text.Written;
    }

    private void Expand(ReadOnlySpan<byte> template, ReadOnlySpan<byte> url)
    {
        while (!template.IsEmpty)
        {
            int slot = template.IndexOf((byte)'#');
            if (slot < 0 || slot + 1 >= template.Length)
            {
                _text.Raw(template);
                return;
            }

            _text.Raw(template[..slot]);
            switch (template[slot + 1])
            {
                case (byte)'U': _text.Raw(url); break;
                case (byte)'V': _text.Raw(_random.Pick(Vocabulary.SpamVerbs)); break;
                case (byte)'N': _text.Int(_random.Between(2, 50) * 10); break;
                case (byte)'P': _text.Raw(_random.Pick(Vocabulary.Prizes)); break;
                case (byte)'E': _text.Raw(_random.Pick(Vocabulary.Emoji)); break;
                case (byte)'A': _text.Raw(_random.Pick(Vocabulary.HostileOpeners)); break;
                case (byte)'B': _text.Raw(_random.Pick(Vocabulary.Insults)); break;
                default: _text.Raw(template.Slice(slot, 2)); break;
            }

            template = template[(slot + 2)..];
        }
    }

    private void AppendWords(int community, int count)
    {
        var topic = Topic(community);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _text.Byte((byte)' ');
            }

            double roll = _random.NextDouble();
            if (roll < 0.35)
            {
                _text.Raw(_random.Pick(topic));
            }
            else if (roll < 0.6)
            {
                _text.Raw(_random.Pick(Vocabulary.General));
            }
            else if (roll < 0.8)
            {
                Slang(_text, community, _random.Next(SlangWords));
            }
            else
            {
                _text.Raw(_random.Pick(Vocabulary.Fillers));
            }

            if (i < count - 1 && _random.Chance(0.06))
            {
                _text.Byte((byte)',');
            }
        }
    }

    private static byte[][] Topic(int community) => Vocabulary.Topics[community % Vocabulary.Topics.Length];

    /// <summary>The community's j-th slang word: in-jokes and names no other community uses.</summary>
    private void Slang(CsvBuffer buffer, int community, int j)
    {
        ulong h = StableHash.Mix(_key, 0x51A6, (ulong)community, (ulong)j);
        int syllables = 2 + (int)(h & 1);
        for (int i = 0; i < syllables; i++)
        {
            h >>= 8;
            buffer.Raw(Vocabulary.Syllables[(int)(h % (ulong)Vocabulary.Syllables.Length)]);
        }
    }

    private void RandomToken(CsvBuffer buffer, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < length; i++)
        {
            buffer.Byte((byte)alphabet[_random.Next(alphabet.Length)]);
        }
    }
}
