namespace GraphGuard.Api.Workspace.Json;

/// <summary>A feature that sets a cluster apart: its name, the members' median, and where that median ranks among all the run's accounts (0 to 1).</summary>
public sealed record KeyFeatureView(string Name, double MembersMedian, double PopulationRank);
