namespace GraphGuard.Storage.Content;

/// <summary>A post or comment with text and its latest reviewer verdict.</summary>
public readonly record struct LabeledText(int ContentId, int AuthorId, string Text, string Label);
