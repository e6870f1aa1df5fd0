namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Where the generator writes: one writable stream per file of interchange format v1.1, plus the two
/// ground-truth files that ingest never reads. Disposing disposes every stream.
/// </summary>
public sealed class WorldStreams : IDisposable
{
    public const string AccountsFile = "accounts.csv";
    public const string EventsFile = "events.csv";
    public const string ContentFile = "content.csv";
    public const string ContentSignalsFile = "content_signals.csv";
    public const string LabelsFile = "labels.csv";
    public const string ContentLabelsFile = "content_labels.csv";
    public const string TruthFile = "truth.csv";
    public const string LookalikesFile = "lookalikes.csv";

    /// <summary>Every file name, in the order the generator writes them.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [AccountsFile, EventsFile, ContentFile, ContentSignalsFile, LabelsFile, ContentLabelsFile, TruthFile, LookalikesFile];

    public required Stream Accounts { get; init; }
    public required Stream Events { get; init; }
    public required Stream Content { get; init; }
    public required Stream ContentSignals { get; init; }
    public required Stream Labels { get; init; }
    public required Stream ContentLabels { get; init; }
    public required Stream Truth { get; init; }
    public required Stream Lookalikes { get; init; }

    /// <summary>Opens every file through <paramref name="open"/>, which receives a name from <see cref="FileNames"/>.</summary>
    public static WorldStreams Open(Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new WorldStreams
        {
            Accounts = open(AccountsFile),
            Events = open(EventsFile),
            Content = open(ContentFile),
            ContentSignals = open(ContentSignalsFile),
            Labels = open(LabelsFile),
            ContentLabels = open(ContentLabelsFile),
            Truth = open(TruthFile),
            Lookalikes = open(LookalikesFile),
        };
    }

    internal IEnumerable<(string Name, Stream Stream)> All()
    {
        yield return (AccountsFile, Accounts);
        yield return (EventsFile, Events);
        yield return (ContentFile, Content);
        yield return (ContentSignalsFile, ContentSignals);
        yield return (LabelsFile, Labels);
        yield return (ContentLabelsFile, ContentLabels);
        yield return (TruthFile, Truth);
        yield return (LookalikesFile, Lookalikes);
    }

    internal void Validate()
    {
        foreach (var (name, stream) in All())
        {
            if (stream is null || !stream.CanWrite)
            {
                throw new ArgumentException($"The stream for {name} must be writable.", nameof(WorldStreams));
            }
        }
    }

    public void Dispose()
    {
        foreach (var (_, stream) in All())
        {
            stream?.Dispose();
        }
    }
}
