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
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.That(field.Length == 0 && fields.Count == 0 && !quoted, "the file must end with a line break");
        return new CsvTable(records[0], records.Skip(1).ToList());
    }
}
