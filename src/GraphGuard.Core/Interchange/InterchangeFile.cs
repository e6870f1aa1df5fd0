namespace GraphGuard.Core.Interchange;

/// <summary>The files of format v1, in the order ingest loads them (entities before what refers to them).</summary>
public enum InterchangeFile
{
    Accounts,
    Content,
    Events,
    ContentSignals,
    Labels,
    ContentLabels,
}
