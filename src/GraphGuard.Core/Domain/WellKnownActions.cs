namespace GraphGuard.Core.Domain;

/// <summary>
/// Actions with fixed codes. Any other <c>[a-z_]{1,32}</c> word is accepted too and gets the next free
/// code at ingest; these are pinned so that graph code can refer to them without a lookup.
/// </summary>
public static class WellKnownActions
{
    public const string Follow = "follow";
    public const string Like = "like";
    public const string Comment = "comment";
    public const string Share = "share";
    public const string Message = "message";
    public const string View = "view";
    public const string Report = "report";
    public const string Login = "login";
    public const string Register = "register";
    public const string Post = "post";

    /// <summary>Pinned actions; an action's code is its index here plus one.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Follow, Like, Comment, Share, Message, View, Report, Login, Register, Post];
}
