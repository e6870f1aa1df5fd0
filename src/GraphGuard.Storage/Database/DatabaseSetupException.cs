namespace GraphGuard.Storage.Database;

/// <summary>The database could not be set up or reached; the message says what to do.</summary>
public sealed class DatabaseSetupException(string message) : Exception(message);
