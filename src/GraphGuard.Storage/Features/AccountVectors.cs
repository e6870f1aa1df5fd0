using GraphGuard.Core.Features;
using Npgsql;

namespace GraphGuard.Storage.Features;

/// <summary>Reads rows of (account id, real[]) — stored features, embeddings — into a <see cref="FeatureMatrix"/>.</summary>
internal static class AccountVectors
{
    /// <param name="connection">An open connection.</param>
    /// <param name="copy">A <c>copy (select account_id, vals ... order by account_id) to stdout (format binary)</c>.</param>
    /// <param name="names">The matrix's columns: every row must have this many values.</param>
    /// <param name="what">What the rows are, for the error (<c>feature run 7</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="InvalidDataException">A row is not as wide as <paramref name="names"/>.</exception>
    public static async Task<FeatureMatrix> ReadAsync(NpgsqlConnection connection, string copy, IReadOnlyList<string> names, string what, CancellationToken ct)
    {
        var ids = new List<int>();
        var values = new List<float>();
        await using (var export = await connection.BeginBinaryExportAsync(copy, ct).ConfigureAwait(false))
        {
            while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
            {
                ids.Add(await export.ReadAsync<int>(ct).ConfigureAwait(false));
                var row = await export.ReadAsync<float[]>(ct).ConfigureAwait(false);
                if (row.Length != names.Count)
                {
                    throw new InvalidDataException($"{what}: account {ids[^1]} has {row.Length} values for {names.Count} names");
                }
                values.AddRange(row);
            }
        }
        return new FeatureMatrix([.. names], [.. ids], [.. values]);
    }
}
