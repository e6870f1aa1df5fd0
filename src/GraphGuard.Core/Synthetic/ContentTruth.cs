namespace GraphGuard.Core.Synthetic;

/// <summary>What a post or comment really is: the verdict a careful reviewer would give it.</summary>
internal enum ContentTruth
{
    Ok,
    Spam,
    Harassment,
}
