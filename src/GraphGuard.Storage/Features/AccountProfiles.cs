using System.Text.Json;
using GraphGuard.Core.Graph;
using Npgsql;

namespace GraphGuard.Storage.Features;

/// <summary>The accounts' numeric profile fields (the <c>f_*</c> columns of accounts.csv) as feature columns.</summary>
public static class AccountProfiles
{
    /// <summary>
    /// One column per profile field, named <paramref name="prefix"/> + field, sorted by name; a value per
    /// account index, NaN where the account lacks the field.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, float[] Values)>> ReadAsync(
        NpgsqlDataSource dataSource, InteractionGraph graph, AccountIndex accounts, string prefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(accounts);
        var columns = new SortedDictionary<string, float[]>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var export = await connection.BeginBinaryExportAsync(
            "copy (select account_id, features::text from accounts where features <> '{}') to stdout (format binary)", ct).ConfigureAwait(false);
        while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
        {
            var id = await export.ReadAsync<int>(ct).ConfigureAwait(false);
            var json = await export.ReadAsync<string>(ct).ConfigureAwait(false);
            var index = id < graph.NodeCount ? accounts.IndexOf(id) : -1;
            if (index < 0)
            {
                continue;
            }
            using var fields = JsonDocument.Parse(json);
            foreach (var field in fields.RootElement.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Number)
                {
                    continue;
                }
                if (!columns.TryGetValue(field.Name, out var values))
                {
                    columns[field.Name] = values = new float[accounts.Count];
                    Array.Fill(values, float.NaN);
                }
                values[index] = (float)field.Value.GetDouble();
            }
        }
        return [.. columns.Select(c => (prefix + c.Key, c.Value))];
    }
}
