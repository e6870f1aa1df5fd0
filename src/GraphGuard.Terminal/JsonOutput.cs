using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphGuard.Terminal;

/// <summary>Machine-readable summaries (<c>--json</c>): snake_case keys, one document on stdout.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The <c>--json</c> option, one declaration for every command that has it.</summary>
    public static Option<bool> Option() => new("--json") { Description = "Print a machine-readable JSON summary instead of tables" };

    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>With <paramref name="json"/> given, <paramref name="document"/> as JSON; otherwise <paramref name="print"/> for a person. Returns exit code 0.</summary>
    public static int Report(ParseResult parse, Option<bool> json, object document, Action print)
    {
        if (parse.GetValue(json))
        {
            Write(document);
        }
        else
        {
            print();
        }
        return 0;
    }
}
