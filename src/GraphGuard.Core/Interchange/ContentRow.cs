namespace GraphGuard.Core.Interchange;

/// <summary>
/// A valid row of <c>content.csv</c>. <see cref="MediaHash"/> (format v1.1) is the 64-bit perceptual hash of a
/// post's image or video keyframe, when it has one.
/// </summary>
public readonly record struct ContentRow(string ContentId, string Author, DateTime CreatedAt, string? Text, ulong? MediaHash = null);
