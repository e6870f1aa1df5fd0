using System.Globalization;

namespace GraphGuard.Workflows.Datasets;

/// <summary>
/// Reads a small CSV file of a benchmark folder line by line: the header must match, and every data line has
/// exactly as many comma-separated fields (no quoting: the benchmark files hold numbers only).
/// </summary>
public sealed class CsvLines(string path, string[] header)
{
    public string Path => path;

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Yields each data line with the ranges of its fields; blank lines at the end are allowed.</summary>
    public IEnumerable<(string Line, Range[] Fields)> Read()
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: not found");
        }
        LineNumber = 0;
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || !lines.Current.Trim().Split(',').SequenceEqual(header))
        {
            throw new InvalidDataException($"{path}:1: expected the header '{string.Join(',', header)}'");
        }
        LineNumber = 1;
        var fields = new Range[header.Length + 1];
        while (lines.MoveNext())
        {
            LineNumber++;
            var line = lines.Current;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            // One spare slot catches a line with too many fields.
            var count = line.AsSpan().TrimEnd().Split(fields, ',');
            if (count != header.Length)
            {
                throw Error($"expected {header.Length} fields ({string.Join(',', header)}), found {(count > header.Length ? "more" : count)}");
            }
            yield return (line, fields[..count]);
        }
    }

    /// <summary>An error that names this file and the current line.</summary>
    public InvalidDataException Error(string message) => new($"{path}:{LineNumber}: {message}");

    public int Int(string line, Range[] fields, int index, int below)
    {
        var text = line.AsSpan()[fields[index]].Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value >= below)
        {
            throw Error($"field '{header[index]}' is '{text}', not a whole number in 0..{below - 1}");
        }
        return value;
    }

    public float Float(string line, Range[] fields, int index)
    {
        var text = line.AsSpan()[fields[index]].Trim();
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
        {
            throw Error($"field '{header[index]}' is '{text}', not a finite number");
        }
        return value;
    }
}
