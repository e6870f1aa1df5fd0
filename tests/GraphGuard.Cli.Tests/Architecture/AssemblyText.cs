using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace GraphGuard.Cli.Tests.Architecture;

/// <summary>
/// What a compiled assembly says about data access, read from its metadata: the string literals it holds that read
/// as SQL, and the Npgsql types it uses beyond handing a data source around.
/// </summary>
internal static partial class AssemblyText
{
    /// <summary>Npgsql types an assembly outside Storage may name: a data source to pass on, its errors, a connection string to show.</summary>
    private static readonly HashSet<string> AllowedNpgsqlTypes =
        ["NpgsqlDataSource", "NpgsqlException", "PostgresException", "NpgsqlConnectionStringBuilder"];

    /// <summary>The assembly file beside the tests (every project's output is copied here).</summary>
    public static string PathOf(string assemblyName) => Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");

    /// <summary>String literals that read as SQL statements.</summary>
    public static List<string> SqlLiterals(string assemblyFile)
    {
        using var pe = new PEReader(File.OpenRead(assemblyFile));
        var metadata = pe.GetMetadataReader();
        var found = new List<string>();
        var handle = MetadataTokens.UserStringHandle(1);
        while (!handle.IsNil)
        {
            var literal = metadata.GetUserString(handle);
            if (Sql().IsMatch(literal))
            {
                found.Add(literal.ReplaceLineEndings(" "));
            }
            handle = metadata.GetNextHandle(handle);
        }
        return found;
    }

    /// <summary>Npgsql types (commands, connections, readers, parameters, COPY) the assembly refers to.</summary>
    public static List<string> NpgsqlCommandTypes(string assemblyFile)
    {
        using var pe = new PEReader(File.OpenRead(assemblyFile));
        var metadata = pe.GetMetadataReader();
        var found = new List<string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            var ns = metadata.GetString(type.Namespace);
            var name = metadata.GetString(type.Name);
            if (ns is "Npgsql" or "NpgsqlTypes" && !AllowedNpgsqlTypes.Contains(name))
            {
                found.Add($"{ns}.{name}");
            }
        }
        return found;
    }

    /// <summary>The names of the assemblies the assembly refers to.</summary>
    public static List<string> References(string assemblyFile)
    {
        using var pe = new PEReader(File.OpenRead(assemblyFile));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }

    // SQL as GraphGuard writes it: lower-case keywords, a statement's shape rather than a single word, so help
    // texts ("Select a window from ...") do not count.
    [GeneratedRegex("""
        \bselect\s+(?:[a-z_.*,()$0-9 ]|\bdistinct\b)+\s+from\s+[a-z_]
        | \binsert\s+into\s+[a-z_]
        | \bupdate\s+[a-z_]+\s+set\b
        | \bdelete\s+from\s+[a-z_]
        | \b(?:create|drop|alter|truncate)\s+(?:temporary\s+)?(?:table|index|database|schema)\b
        | \bcopy\s+[a-z_(].*\b(?:from\s+stdin|to\s+stdout)\b
        | ^\s*(?:listen|notify)\s+[a-z_]+
        | \bpg_[a-z_]+\s*\(
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Sql();
}
