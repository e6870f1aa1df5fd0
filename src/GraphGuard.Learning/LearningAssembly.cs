namespace GraphGuard.Learning;

/// <summary>Marker type that names this assembly (for reflection checks such as the purity test).</summary>
public static class LearningAssembly;
