using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphGuard.Core.Synthetic.Scenarios;

/// <summary>
/// The families of the scenario library: one embedded JSON file each (<c>Families/*.json</c>) with
/// <c>name</c>, <c>organic</c>, <c>description</c>, the knobs under <c>default</c> and what <c>hard</c>
/// changes in them. Adding a family is adding a file, not code.
/// </summary>
public static class ScenarioLibrary
{
    private const string Prefix = "GraphGuard.Core.Synthetic.Scenarios.Families.";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> Files = new(Load);

    /// <summary>Every family name, abuse and organic, in name order.</summary>
    public static IReadOnlyList<string> Names => [.. Files.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether the named family is an organic look-alike.</summary>
    public static bool IsOrganic(string name) => Find(name, ScenarioDifficulty.Default).Organic;

    /// <summary>Resolves <c>all</c>, <c>abuse</c>, <c>organic</c> and family names (comma-separated) to family names.</summary>
    /// <exception cref="ArgumentException">A name is not in the library.</exception>
    public static IReadOnlyList<string> Select(string spec)
    {
        var names = new List<string>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.AddRange(part switch
            {
                "all" => Names,
                "abuse" => Names.Where(n => !IsOrganic(n)),
                "organic" => Names.Where(IsOrganic),
                _ when Files.Value.ContainsKey(part) => [part],
                _ => throw new ArgumentException($"unknown scenario family '{part}'; known: all, abuse, organic, {string.Join(", ", Names)}"),
            });
        }
        return [.. names.Distinct()];
    }

    /// <summary>
    /// Splits the library into two halves for leave-families-out evaluation: abuse and organic families each
    /// shuffled by the seed and dealt alternately, so each half holds about half of both.
    /// </summary>
    public static (IReadOnlyList<string> First, IReadOnlyList<string> Second) Halves(ulong seed)
    {
        var (first, second) = (new List<string>(), new List<string>());
        foreach (var organic in new[] { false, true })
        {
            var dealt = Names.Where(n => IsOrganic(n) == organic).OrderBy(n => StableHash.Mix(seed, NameHash(n))).ThenBy(n => n, StringComparer.Ordinal).ToList();
            for (var i = 0; i < dealt.Count; i++)
            {
                (i % 2 == 0 ? first : second).Add(dealt[i]);
            }
        }
        return ([.. first.Order(StringComparer.Ordinal)], [.. second.Order(StringComparer.Ordinal)]);
    }

    /// <summary>FNV-1a over the name's characters: the same on every platform and run, unlike string.GetHashCode.</summary>
    private static ulong NameHash(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    internal static ScenarioFamily Find(string name, ScenarioDifficulty difficulty)
    {
        if (!Files.Value.TryGetValue(name, out var file))
        {
            throw new ArgumentException($"unknown scenario family '{name}'", nameof(name));
        }
        var knobs = (JsonObject)file["default"]!.DeepClone();
        if (difficulty == ScenarioDifficulty.Hard && file["hard"] is JsonObject hard)
        {
            foreach (var (key, value) in hard)
            {
                knobs[key] = value?.DeepClone();
            }
        }
        return new ScenarioFamily(name, file["organic"]!.GetValue<bool>(), file["description"]!.GetValue<string>(),
            knobs.Deserialize<ScenarioKnobs>(Json) ?? throw new InvalidDataException($"scenario {name}: no knobs"));
    }

    private static Dictionary<string, JsonObject> Load()
    {
        var assembly = typeof(ScenarioLibrary).Assembly;
        var files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var file = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException($"{resource}: not a JSON object");
            var name = file["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{resource}: no name");
            files.Add(name, file);
        }
        return files;
    }
}
