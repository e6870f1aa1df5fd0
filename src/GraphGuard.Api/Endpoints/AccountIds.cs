using GraphGuard.Core.Interchange;

namespace GraphGuard.Api.Endpoints;

/// <summary>Account ids as ingest defines them (<see cref="ExternalIds"/>): what ingest stores, the service can be asked about, and nothing else.</summary>
internal static class AccountIds
{
    public const int MaxBytes = ExternalIds.MaxBytes;

    /// <summary>Why <paramref name="id"/> cannot be an account id, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<char> id) => ExternalIds.Check(id) switch
    {
        IdFault.None => null,
        IdFault.Empty => "an account id is 1 to 256 bytes; this one is empty",
        IdFault.TooLong => $"an account id is 1 to 256 bytes; this one is {System.Text.Encoding.UTF8.GetByteCount(id)}",
        _ => "an account id has no control characters (U+0000-U+001F, U+007F-U+009F)",
    };
}
