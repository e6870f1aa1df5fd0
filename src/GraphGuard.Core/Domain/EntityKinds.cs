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
