using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>Sends a ready <see cref="CopyPayload"/> stream to a <c>COPY ... FROM STDIN (FORMAT BINARY)</c>.</summary>
internal static class RawCopy
{
    public static async Task SendAsync(NpgsqlConnection connection, string copyCommand, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(copyCommand, ct).ConfigureAwait(false);
        await stream.WriteAsync(payload, ct).ConfigureAwait(false);
    }
}
