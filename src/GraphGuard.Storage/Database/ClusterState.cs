namespace GraphGuard.Storage.Database;

/// <summary>State of the private cluster as <c>pg_ctl status</c> reports it.</summary>
public enum ClusterState
{
    NotInitialized,
    Stopped,
    Running,
}
