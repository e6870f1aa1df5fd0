namespace GraphGuard.Core.Review;

/// <summary>Why an item is in the review queue.</summary>
public enum ReviewItemKind
{
    /// <summary>Its score lies near a band boundary, where a label teaches the model most (uncertainty sampling).</summary>
    Uncertain,

    /// <summary>Drawn at random within its band, so the decisions estimate each band's precision without bias.</summary>
    Random,
}
