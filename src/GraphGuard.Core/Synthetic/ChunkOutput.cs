namespace GraphGuard.Core.Synthetic;

/// <summary>
/// The rows of one chunk of accounts, per file, ready to be appended in chunk order. Event rows lack
/// their <c>event_id</c>: ids are sequential over the whole file, so the writer stamps them.
/// </summary>
internal sealed class ChunkOutput
{
    public CsvBuffer Accounts { get; } = new();
    public CsvBuffer Events { get; } = new();
    public CsvBuffer Content { get; } = new();
    public CsvBuffer ContentSignals { get; } = new();
    public CsvBuffer Labels { get; } = new();
    public CsvBuffer ContentLabels { get; } = new();
    public CsvBuffer Truth { get; } = new();
    public CsvBuffer Lookalikes { get; } = new();

    public void Clear()
    {
        Accounts.Clear();
        Events.Clear();
        Content.Clear();
        ContentSignals.Clear();
        Labels.Clear();
        ContentLabels.Clear();
        Truth.Clear();
        Lookalikes.Clear();
    }
}
