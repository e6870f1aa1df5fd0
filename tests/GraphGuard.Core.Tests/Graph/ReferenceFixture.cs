using System.Text.Json;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

/// <summary>Reads fixtures written by Reference/make_*.py (copied beside the test assembly).</summary>
internal static class ReferenceFixture
{
    public static JsonElement Load(string topic)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Graph", "Reference", "fixtures", topic + ".json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    /// <summary>The graphs of a fixture, by name: each has "nodes", "edges" and its expected answers.</summary>
    public static IEnumerable<string> GraphNames(string topic) =>
        Load(topic).GetProperty("graphs").EnumerateObject().Select(p => p.Name).ToList();

    public static JsonElement Graph(string topic, string name) => Load(topic).GetProperty("graphs").GetProperty(name);

    /// <summary>Builds the fixture graph as a CSR graph with the given options.</summary>
    public static CsrGraph Build(JsonElement graph, CsrBuildOptions options)
    {
        using var edges = new EdgeList();
        foreach (var e in graph.GetProperty("edges").EnumerateArray())
        {
            edges.Add(e[0].GetInt32(), e[1].GetInt32(), e.GetArrayLength() > 2 ? e[2].GetSingle() : 1f);
        }
        return CsrGraph.Build(graph.GetProperty("nodes").GetInt32(), edges, options);
    }
}
