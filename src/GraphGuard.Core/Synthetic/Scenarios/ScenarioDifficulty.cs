namespace GraphGuard.Core.Synthetic.Scenarios;

/// <summary>How hard a family's campaigns try to hide: each family file says what <c>hard</c> changes.</summary>
public enum ScenarioDifficulty
{
    Default,
    Hard,
}
