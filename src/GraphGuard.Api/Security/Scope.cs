namespace GraphGuard.Api.Security;

/// <summary>What an API key may do. <see cref="Admin"/> implies every other scope.</summary>
[Flags]
public enum Scope
{
    None = 0,
    RiskRead = 1,
    ClustersRead = 2,
    LabelsWrite = 4,
    Admin = 8,

    /// <summary>The jobs dashboard with its actions (trigger, requeue, delete); analysts' keys see it read-only.</summary>
    Operations = 16,
}
