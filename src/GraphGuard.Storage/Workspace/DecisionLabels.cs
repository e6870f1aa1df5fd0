namespace GraphGuard.Storage.Workspace;

/// <summary>Decision labels as <c>analyst_decisions.label</c> and <c>labels.label</c> spell them.</summary>
public static class DecisionLabels
{
    public static string Name(DecisionLabel label) => label switch
    {
        DecisionLabel.Abusive => "abusive",
        DecisionLabel.Benign => "benign",
        DecisionLabel.Escalate => "escalate",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    public static bool TryParse(string? name, out DecisionLabel label)
    {
        (var ok, label) = name switch
        {
            "abusive" => (true, DecisionLabel.Abusive),
            "benign" => (true, DecisionLabel.Benign),
            "escalate" => (true, DecisionLabel.Escalate),
            _ => (false, DecisionLabel.Abusive),
        };
        return ok;
    }

    /// <summary>Whether the decision is also a label that training reads.</summary>
    public static bool Trains(DecisionLabel label) => label != DecisionLabel.Escalate;
}
