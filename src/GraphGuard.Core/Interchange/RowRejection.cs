namespace GraphGuard.Core.Interchange;

/// <summary>Why one row was refused: a <see cref="QuarantineReason"/>, the column at fault (if any) and a readable detail.</summary>
public readonly record struct RowRejection(string Reason, string? Field, string Detail)
{
    /// <summary>"line 17, field ts: ..." — the file name is the caller's to add.</summary>
    public string Describe(long line) => Field is null ? $"line {line}: {Detail}" : $"line {line}, field {Field}: {Detail}";
}
