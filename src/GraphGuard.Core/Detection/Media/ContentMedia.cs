namespace GraphGuard.Core.Detection.Media;

/// <summary>The corpus items that carry media, with each one's 64-bit perceptual hash (format v1.1).</summary>
public sealed record ContentMedia(int[] Items, ulong[] Hashes)
{
    public static ContentMedia None { get; } = new([], []);
}
