namespace GraphGuard.Storage.Ingest;

/// <summary>
/// Where one file's rows land: the real table and its columns, a temp stage table with the same columns
/// plus a sequence (file order, for "first" or "last wins"), and the statement that merges the stage into
/// the table. The stage is used only when copying straight into the table meets a key conflict.
/// </summary>
internal sealed record TableTarget(string Table, string Columns, string StageColumnsDdl, string MergeSql)
{
    public string StageTable => "stage_" + Table;

    public string StageDdl =>
        $"create temp table if not exists {StageTable} ({StageColumnsDdl}, seq bigint generated always as identity) on commit delete rows";

    public string CopyInto(string table) => $"copy {table} ({Columns}) from stdin (format binary)";
}
