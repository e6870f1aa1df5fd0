namespace GraphGuard.Core.Interchange;

/// <summary>
/// Why a row was quarantined. The string values are stored in <c>quarantine.reason</c> and printed in
/// ingest summaries; they are part of the public contract (docs/data-format.md).
/// </summary>
public static class QuarantineReason
{
    public const string BadHeader = "bad_header";
    public const string MalformedCsv = "malformed_csv";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string WrongColumnCount = "wrong_column_count";
    public const string EmptyField = "empty_field";
    public const string IdTooLong = "id_too_long";
    public const string BadTimestamp = "bad_timestamp";
    public const string BadAction = "bad_action";
    public const string BadTargetType = "bad_target_type";
    public const string BadScore = "bad_score";
    public const string BadNumber = "bad_number";
    public const string BadLabel = "bad_label";
    public const string BadName = "bad_name";
    public const string BadMediaHash = "bad_media_hash";
    public const string FieldTooLong = "field_too_long";
    public const string CorruptFile = "corrupt_file";
    public const string NulByte = "nul_byte";
    public const string ControlCharacter = "control_character";
    public const string ImplausibleTimestamp = "implausible_timestamp";
    public const string RefusedFile = "refused_file";
}
