using Spectre.Console;

namespace GraphGuard.Terminal;

/// <summary>A table of rows for a person: one column per heading, one line per row. Cells are Spectre markup.</summary>
public static class TableOutput
{
    public static void Write<T>(IEnumerable<T> rows, string[] columns, Func<T, string[]> cells, string? title = null)
    {
        var table = new Table().AddColumns(columns);
        if (title is not null)
        {
            table.Title(title);
        }
        foreach (var row in rows)
        {
            table.AddRow(cells(row));
        }
        AnsiConsole.Write(table);
    }
}
