using System.Text;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>A whole CSV file parsed per RFC 4180, independently of the generator's writer.</summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public int Column(string name) => Array.IndexOf(Header, name);

    public static CsvTable Parse(byte[] utf8)
    {
        string text = Encoding.UTF8.GetString(utf8);
        Assert.That(text, Does.EndWith("\n"), "the file must end with a line break");
        var records = new List<string[]>();
        var fields = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            string field;
            if (text[i] == '"')
            {
                var quoted = new StringBuilder();
                i++;
                while (true)
                {
                    int quote = text.IndexOf('"', i);
                    quoted.Append(text, i, quote - i);
                    i = quote + 1;
                    if (i < text.Length && text[i] == '"')
                    {
                        quoted.Append('"');
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                field = quoted.ToString();
            }
            else
            {
                int end = text.AsSpan(i).IndexOfAny(',', '\n');
                field = text.Substring(i, end);
                i += end;
            }

            fields.Add(field);
            if (text[i] == '\n')
            {
                records.Add(fields.ToArray());
                fields.Clear();
            }

            i++;
        }

        return new CsvTable(records[0], records.Skip(1).ToList());
    }
}
