namespace GraphGuard.Workflows.Pipeline;

/// <summary>
/// Why the database could not be reached, in the words of the innermost error (connection refused, broken pipe,
/// the server shutting down): Npgsql's wrapper ("Exception while writing to stream") says only that a read failed.
/// </summary>
public static class OutageCause
{
    /// <summary>The innermost message of <paramref name="error"/>, on one line.</summary>
    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.GetBaseException().Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }
}
