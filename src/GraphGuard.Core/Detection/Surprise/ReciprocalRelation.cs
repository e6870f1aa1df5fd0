namespace GraphGuard.Core.Detection.Surprise;

/// <summary>What ties two accounts in <see cref="ReciprocalBlockDetector"/>.</summary>
public enum ReciprocalRelation
{
    /// <summary>One follows the other.</summary>
    Follows,

    /// <summary>One liked, commented on or shared the other's post.</summary>
    Engagement,
}
