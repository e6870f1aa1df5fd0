namespace GraphGuard.Core.Domain;

/// <summary>Names of <see cref="EntityKind"/> as they appear in interchange files (<c>target_type</c>).</summary>
public static class EntityKinds
{
    /// <summary>All kinds, in code order.</summary>
    public static IReadOnlyList<EntityKind> All { get; } = Enum.GetValues<EntityKind>();

    /// <summary>The lowercase wire name of a kind, e.g. <c>ip</c>.</summary>
    public static string WireName(this EntityKind kind) => kind switch
    {
        EntityKind.Account => "account",
        EntityKind.Content => "content",
        EntityKind.Device => "device",
        EntityKind.Ip => "ip",
        EntityKind.Phone => "phone",
        EntityKind.Payment => "payment",
        EntityKind.Url => "url",
        EntityKind.Hashtag => "hashtag",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown entity kind"),
    };

    /// <summary>Parses a wire name given as UTF-8 bytes (exact, lowercase) into a kind.</summary>
    public static bool TryParse(ReadOnlySpan<byte> name, out EntityKind kind)
    {
        kind = name.Length switch
        {
            2 when name.SequenceEqual("ip"u8) => EntityKind.Ip,
            3 when name.SequenceEqual("url"u8) => EntityKind.Url,
            5 when name.SequenceEqual("phone"u8) => EntityKind.Phone,
            6 when name.SequenceEqual("device"u8) => EntityKind.Device,
            7 when name.SequenceEqual("account"u8) => EntityKind.Account,
            7 when name.SequenceEqual("content"u8) => EntityKind.Content,
            7 when name.SequenceEqual("payment"u8) => EntityKind.Payment,
            7 when name.SequenceEqual("hashtag"u8) => EntityKind.Hashtag,
            _ => 0,
        };
        return kind != 0;
    }

    /// <summary>Parses a wire name (exact, lowercase) into a kind.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out EntityKind kind)
    {
        kind = name switch
        {
            "account" => EntityKind.Account,
            "content" => EntityKind.Content,
            "device" => EntityKind.Device,
            "ip" => EntityKind.Ip,
            "phone" => EntityKind.Phone,
            "payment" => EntityKind.Payment,
            "url" => EntityKind.Url,
            "hashtag" => EntityKind.Hashtag,
            _ => 0,
        };
        return kind != 0;
    }
}
