using System.Diagnostics.CodeAnalysis;
using System.Text;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Interchange;

/// <summary>Parses <c>events.csv</c> rows: <c>event_id,ts,actor,action,target_type,target</c>.</summary>
public sealed class EventRowParser(HeaderLayout layout, TimestampRange? plausible = null) : RowParser<EventRow>(layout, plausible)
{
    private readonly int _id = layout.IndexOf("event_id");
    private readonly int _ts = layout.IndexOf("ts");
    private readonly int _actor = layout.IndexOf("actor");
    private readonly int _action = layout.IndexOf("action");
    private readonly int _targetType = layout.IndexOf("target_type");
    private readonly int _target = layout.IndexOf("target");

    // Actions repeat endlessly; interning them keeps one string per distinct action, and runs of the
    // same action (common: exports are grouped by actor or session) skip even the lookup.
    private readonly Dictionary<string, string> _actions = new(StringComparer.Ordinal);
    private byte[] _lastAction = [];
    private string _lastActionName = "";

    protected override bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out EventRow row, out RowRejection rejection)
    {
        row = default;
        if (!IsId(record, _id, "event_id", out rejection) ||
            !TryTimestamp(record, _ts, "ts", out var ts, out rejection) ||
            !IsId(record, _actor, "actor", out rejection))
        {
            return false;
        }
        var actionBytes = record[_action];
        if (!FieldRules.IsAction(actionBytes))
        {
            rejection = new RowRejection(QuarantineReason.BadAction, "action", $"'{Shorten(actionBytes)}' is not a lowercase word of 1-32 characters [a-z_]");
            return false;
        }
        var typeBytes = record[_targetType];
        if (!EntityKinds.TryParse(typeBytes, out var kind))
        {
            rejection = new RowRejection(QuarantineReason.BadTargetType, "target_type", $"'{Shorten(typeBytes)}' is not one of {string.Join(", ", EntityKinds.All.Select(k => k.WireName()))}");
            return false;
        }
        if (!IsId(record, _target, "target", out rejection))
        {
            return false;
        }
        row = new EventRow(record, _id, _actor, _target, ts, InternAction(actionBytes), kind);
        return true;
    }

    private string InternAction(ReadOnlySpan<byte> bytes)
    {
        if (bytes.SequenceEqual(_lastAction))
        {
            return _lastActionName;
        }
        _lastAction = bytes.ToArray();
        _lastActionName = Lookup(bytes);
        return _lastActionName;
    }

    private string Lookup(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[32];
        var name = chars[..Encoding.ASCII.GetChars(bytes, chars)];
        var lookup = _actions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(name, out var interned))
        {
            interned = name.ToString();
            _actions.Add(interned, interned);
        }
        return interned;
    }
}
