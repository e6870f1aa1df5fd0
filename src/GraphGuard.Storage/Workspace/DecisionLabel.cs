namespace GraphGuard.Storage.Workspace;

/// <summary>What an analyst decided. Abusive and benign are training labels; escalate only asks for a second look.</summary>
public enum DecisionLabel
{
    Abusive,
    Benign,
    Escalate,
}
