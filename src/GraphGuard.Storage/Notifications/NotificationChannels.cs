namespace GraphGuard.Storage.Notifications;

/// <summary>The PostgreSQL NOTIFY channels GraphGuard uses, spelled once: writers notify, the service listens.</summary>
public static class NotificationChannels
{
    /// <summary>Notified (with the run id as payload) when a publication commits.</summary>
    public const string Published = "graphguard_published";

    /// <summary>Notified when an API key is created or revoked.</summary>
    public const string ApiKeys = "graphguard_keys";
}
