using System.Text;

namespace Portal.Governance;

/// <summary>A table as CSV for Danish Excel: semicolons, CRLF, UTF-8 with BOM, Danish headers.</summary>
public static class StatisticsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(StatisticsTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', table.Columns.Select(Cell)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string FileName(IStatisticsSection section, StatisticsPeriod period) =>
        $"statistik-{section.Key}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";

    // Quote separators, quotes and line breaks; neutralise a leading formula sign so a template title stays text.
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
