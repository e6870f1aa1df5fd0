using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphGuard.Core.Review;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Learning.Release;
using Cronos;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// Reads <c>jobs/&lt;name&gt;.json</c> into a <see cref="PipelineDefinition"/>, validating every field: a bad
/// file fails with an <see cref="InvalidDataException"/> naming the file and the field, before anything runs.
/// </summary>
public static partial class PipelineDefinitionFile
{
    private static readonly HashSet<string> Fields =
        ["description", "cron", "window", "train", "keep_runs", "bands", "retry", "misfire", "review", "release"];

    private static readonly HashSet<string> RetryFields = ["max_attempts", "backoff"];

    private static readonly HashSet<string> BandFields = ["name", "min"];

    private static readonly HashSet<string> ReviewFields = ["budget", "random_share", "seed"];

    private static readonly HashSet<string> ReleaseFields = ["tolerance", "min_labels"];

    /// <summary>Every <c>*.json</c> of a folder, by name; a folder without one is an error too.</summary>
    public static IReadOnlyList<PipelineDefinition> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such jobs folder");
        }
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidDataException($"{folder}: no pipeline definitions (*.json)");
        }
        return [.. files.Select(Read)];
    }

    /// <summary>One definition; its name is the file's name without <c>.json</c>.</summary>
    public static PipelineDefinition Read(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!NamePattern().IsMatch(name))
        {
            throw Error(path, "name", $"'{name}' is not a pipeline name: use lower-case letters, digits, '-' and '_'");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"{path}: no such pipeline definition", path);
        }
        return Parse(path, name, text);
    }

    /// <summary>Parses a definition's JSON; <paramref name="path"/> only names it in errors.</summary>
    public static PipelineDefinition Parse(string path, string name, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: expected a JSON object");
            }
            Known(path, "", root, Fields);
            var cron = RequiredString(path, root, "cron");
            try
            {
                // Six fields, seconds first, as Hangfire reads them (its scheduler parses cron with Cronos too).
                CronExpression.Parse(cron, CronFormat.IncludeSeconds);
            }
            catch (CronFormatException e)
            {
                throw Error(path, "cron", $"'{cron}' is not a cron expression with seconds (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 3 * * ?\"): {e.Message}");
            }
            var definition = new PipelineDefinition
            {
                Name = name,
                Cron = cron,
                Description = OptionalString(path, root, "description") ?? "",
                Window = Window(path, root),
                Train = Enum(path, root, "train", TrainPolicy.OnLabelChange, ("on_label_change", TrainPolicy.OnLabelChange), ("always", TrainPolicy.Always)),
                KeepRuns = KeepRuns(path, root),
                Bands = Bands(path, root),
                Misfire = Enum(path, root, "misfire", MisfirePolicy.FireOnceNow, ("fire_once_now", MisfirePolicy.FireOnceNow), ("do_nothing", MisfirePolicy.DoNothing)),
                Review = Review(path, root),
                Release = Release(path, root),
            };
            if (root.TryGetProperty("retry", out var retry) && retry.ValueKind != JsonValueKind.Null)
            {
                if (retry.ValueKind != JsonValueKind.Object)
                {
                    throw Error(path, "retry", "expected an object like {\"max_attempts\": 3, \"backoff\": \"1m\"}");
                }
                Known(path, "retry.", retry, RetryFields);
                if (retry.TryGetProperty("max_attempts", out var attempts))
                {
                    if (attempts.ValueKind != JsonValueKind.Number || !attempts.TryGetInt32(out var n) || n < 1)
                    {
                        throw Error(path, "retry.max_attempts", $"expected a whole number of at least 1, got {attempts.GetRawText()}");
                    }
                    definition = definition with { MaxAttempts = n };
                }
                if (retry.TryGetProperty("backoff", out var backoff))
                {
                    definition = definition with { RetryBackoff = Duration(path, "retry.backoff", backoff) };
                }
            }
            return definition;
        }
    }

    /// <summary>The definition as its file would say it (snake_case; the name is the file's), for <c>pipeline_runs.parameters</c>.</summary>
    public static string ToJson(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["description"] = definition.Description,
            ["cron"] = definition.Cron,
            ["window"] = definition.Window is { } w ? FormatDuration(w) : null,
            ["train"] = TrainPolicyName(definition.Train),
            ["keep_runs"] = definition.KeepRuns,
            ["bands"] = definition.Bands.Bands.Select(b => new Dictionary<string, object> { ["name"] = b.Name, ["min"] = b.Minimum }).ToArray(),
            ["retry"] = new Dictionary<string, object> { ["max_attempts"] = definition.MaxAttempts, ["backoff"] = FormatDuration(definition.RetryBackoff) },
            ["misfire"] = definition.Misfire == MisfirePolicy.DoNothing ? "do_nothing" : "fire_once_now",
            ["review"] = new Dictionary<string, object> { ["budget"] = definition.Review.Budget, ["random_share"] = definition.Review.RandomShare, ["seed"] = definition.Review.Seed },
            ["release"] = new Dictionary<string, object> { ["tolerance"] = definition.Release.Tolerance, ["min_labels"] = definition.Release.MinimumLabels },
        });
    }

    /// <summary>Parses <c>90s</c>, <c>15m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
        {
            return false;
        }
        duration = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
        return true;
    }

    /// <summary>A train policy as definition files write it.</summary>
    public static string TrainPolicyName(TrainPolicy policy) => policy == TrainPolicy.Always ? "always" : "on_label_change";

    /// <summary>A duration as definition files write it: the largest whole unit (<c>30d</c>, <c>12h</c>, <c>15m</c>, <c>90s</c>).</summary>
    public static string FormatDuration(TimeSpan d) => d switch
    {
        _ when d.Ticks % TimeSpan.TicksPerDay == 0 => $"{d.Ticks / TimeSpan.TicksPerDay}d",
        _ when d.Ticks % TimeSpan.TicksPerHour == 0 => $"{d.Ticks / TimeSpan.TicksPerHour}h",
        _ when d.Ticks % TimeSpan.TicksPerMinute == 0 => $"{d.Ticks / TimeSpan.TicksPerMinute}m",
        _ => $"{(long)d.TotalSeconds}s",
    };

    private static TimeSpan? Window(string path, JsonElement root) =>
        root.TryGetProperty("window", out var window) && window.ValueKind != JsonValueKind.Null ? Duration(path, "window", window) : null;

    private static TimeSpan Duration(string path, string field, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && TryParseDuration(value.GetString()!, out var d)
            ? d
            : throw Error(path, field, $"expected a duration like \"90s\", \"15m\", \"12h\", \"30d\" or \"2w\", got {value.GetRawText()}");

    private static int KeepRuns(string path, JsonElement root)
    {
        if (!root.TryGetProperty("keep_runs", out var keep))
        {
            return 5;
        }
        return keep.ValueKind == JsonValueKind.Number && keep.TryGetInt32(out var n) && n >= 1
            ? n
            : throw Error(path, "keep_runs", $"expected a whole number of at least 1, got {keep.GetRawText()}");
    }

    private static ReviewQueueOptions Review(string path, JsonElement root)
    {
        var review = new ReviewQueueOptions();
        if (!root.TryGetProperty("review", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return review;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "review", "expected an object like {\"budget\": 200, \"random_share\": 0.1}");
        }
        Known(path, "review.", value, ReviewFields);
        if (value.TryGetProperty("budget", out var budget))
        {
            review = review with
            {
                Budget = budget.ValueKind == JsonValueKind.Number && budget.TryGetInt32(out var n) && n is >= 1 and <= 100_000
                    ? n
                    : throw Error(path, "review.budget", $"expected a whole number of reviews from 1 to 100000, got {budget.GetRawText()}"),
            };
        }
        if (value.TryGetProperty("random_share", out var share))
        {
            review = review with
            {
                RandomShare = share.ValueKind == JsonValueKind.Number && share.GetDouble() is >= 0 and <= 0.5 and var s
                    ? s
                    : throw Error(path, "review.random_share", $"expected a share of the budget from 0 to 0.5 (0.05 to 0.1 is usual), got {share.GetRawText()}"),
            };
        }
        if (value.TryGetProperty("seed", out var seed))
        {
            review = review with
            {
                Seed = seed.ValueKind == JsonValueKind.Number && seed.TryGetInt32(out var n) ? n : throw Error(path, "review.seed", $"expected a whole number, got {seed.GetRawText()}"),
            };
        }
        if (review.RandomShare > 0 && review.RandomItems == 0)
        {
            throw Error(path, "review.random_share", string.Create(CultureInfo.InvariantCulture,
                $"{review.RandomShare} of a budget of {review.Budget} is less than one review: raise the budget or set the share to 0"));
        }
        return review;
    }

    private static ReleasePolicy Release(string path, JsonElement root)
    {
        var release = new ReleasePolicy();
        if (!root.TryGetProperty("release", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return release;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "release", "expected an object like {\"tolerance\": 0.02, \"min_labels\": 10}");
        }
        Known(path, "release.", value, ReleaseFields);
        if (value.TryGetProperty("tolerance", out var tolerance))
        {
            release = release with
            {
                Tolerance = tolerance.ValueKind == JsonValueKind.Number && tolerance.GetDouble() is >= 0 and <= 0.5 and var t
                    ? t
                    : throw Error(path, "release.tolerance", $"expected how much worse the challenger may measure, from 0 to 0.5, got {tolerance.GetRawText()}"),
            };
        }
        if (value.TryGetProperty("min_labels", out var minimum))
        {
            release = release with
            {
                MinimumLabels = minimum.ValueKind == JsonValueKind.Number && minimum.TryGetInt32(out var n) && n >= 1
                    ? n
                    : throw Error(path, "release.min_labels", $"expected a whole number of labels of each class, at least 1, got {minimum.GetRawText()}"),
            };
        }
        return release;
    }

    private static BandPolicy Bands(string path, JsonElement root)
    {
        if (!root.TryGetProperty("bands", out var bands) || bands.ValueKind != JsonValueKind.Array || bands.GetArrayLength() == 0)
        {
            throw Error(path, "bands", "expected a non-empty array like [{\"name\": \"low\", \"min\": 0}, {\"name\": \"high\", \"min\": 0.5}]");
        }
        var list = new List<Band>();
        var i = 0;
        foreach (var band in bands.EnumerateArray())
        {
            var field = $"bands[{i}]";
            if (band.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, field, "expected an object with name and min");
            }
            Known(path, field + ".", band, BandFields);
            var name = RequiredString(path, band, "name", field + ".name");
            if (!NamePattern().IsMatch(name))
            {
                throw Error(path, field + ".name", $"'{name}' is not a band name: use lower-case letters, digits, '-' and '_'");
            }
            if (list.Any(b => b.Name == name))
            {
                throw Error(path, field + ".name", $"band '{name}' is named twice");
            }
            if (!band.TryGetProperty("min", out var min) || min.ValueKind != JsonValueKind.Number)
            {
                throw Error(path, field + ".min", "expected a number between 0 and 1");
            }
            var minimum = min.GetDouble();
            if (i == 0 && minimum != 0)
            {
                throw Error(path, field + ".min", $"the first band must start at 0 (so every score has a band), got {min.GetRawText()}");
            }
            if (minimum is < 0 or > 1)
            {
                throw Error(path, field + ".min", $"expected a number between 0 and 1, got {min.GetRawText()}");
            }
            if (i > 0 && minimum <= list[^1].Minimum)
            {
                throw Error(path, field + ".min", $"band minimums must rise: {min.GetRawText()} is not above {list[^1].Name}'s {list[^1].Minimum.ToString(CultureInfo.InvariantCulture)}");
            }
            list.Add(new Band(name, minimum));
            i++;
        }
        return new BandPolicy(list);
    }

    private static T Enum<T>(string path, JsonElement root, string field, T fallback, params (string Text, T Value)[] choices)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }
        foreach (var (text, choice) in choices)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() == text)
            {
                return choice;
            }
        }
        throw Error(path, field, $"expected one of {string.Join(", ", choices.Select(c => $"\"{c.Text}\""))}, got {value.GetRawText()}");
    }

    private static string RequiredString(string path, JsonElement element, string property, string? field = null) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()!.Trim()
            : throw Error(path, field ?? property, value.ValueKind == JsonValueKind.Undefined ? "missing" : $"expected a non-empty string, got {value.GetRawText()}");

    private static string? OptionalString(string path, JsonElement element, string field) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(path, field, $"expected a string, got {value.GetRawText()}");

    private static void Known(string path, string prefix, JsonElement element, HashSet<string> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.Contains(property.Name))
            {
                throw Error(path, prefix + property.Name, $"unknown field; known: {string.Join(", ", fields.Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static InvalidDataException Error(string path, string field, string message) => new($"{path}: field '{field}': {message}");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^([0-9]+)([smhdw])$")]
    private static partial Regex DurationPattern();
}
