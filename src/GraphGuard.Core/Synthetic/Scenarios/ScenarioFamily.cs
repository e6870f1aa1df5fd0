namespace GraphGuard.Core.Synthetic.Scenarios;

/// <summary>One family of the scenario library: its name, whether it is organic, and its knobs at one difficulty.</summary>
/// <param name="Name">truth.csv's pattern (abuse) or lookalikes.csv's kind (organic), e.g. <c>like_farm</c>.</param>
/// <param name="Organic">A legitimate crowd that looks coordinated: must not be flagged.</param>
/// <param name="Description">One sentence for people.</param>
/// <param name="Knobs">What its campaigns do.</param>
internal sealed record ScenarioFamily(string Name, bool Organic, string Description, ScenarioKnobs Knobs);
