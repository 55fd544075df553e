using System.Security.Cryptography;
using System.Text;
using Portal.Content;

namespace Portal.Transition;

/// <summary>The list view's downloads: CSV for Excel (semicolon, UTF-8 with BOM) and an iCalendar file.</summary>
public static class MilestoneExport
{
    public static byte[] Csv(IEnumerable<MilestoneHit> hits)
    {
        var sb = new StringBuilder("Sagsnummer;Fødselsdato;Dato;Milepæl\r\n");
        foreach (var hit in hits)
        {
            sb.Append(Cell(hit.Row.CaseNumber)).Append(';')
              .Append(hit.Row.DateOfBirth.ToString("yyyy-MM-dd", DanishFormat.Culture)).Append(';')
              .Append(hit.Date.ToString("yyyy-MM-dd", DanishFormat.Culture)).Append(';')
              .Append(Cell(hit.Title)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Calendar(IEnumerable<MilestoneHit> hits, MilestoneList list, DateTimeOffset now) =>
        Encoding.UTF8.GetBytes(CalendarWriter.Write(hits.Select(h => new CalendarEvent(
            Uid(h),
            h.Date,
            $"{h.Title} – sag {h.Row.CaseNumber}",
            list.RuleFor(h))), now, "Den Gode Overgang"));

    /// <summary>Stable across exports, so a re-import updates the entry instead of duplicating it; the case number is hashed.</summary>
    public static string Uid(MilestoneHit hit)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(hit.Row.CaseNumber));
        return $"{hit.Kind.ToString().ToLowerInvariant()}-{Convert.ToHexStringLower(hash)[..20]}@handicapportalen";
    }

    // Quote when needed, and neutralise formulas so a case number like "=1+1" stays text in Excel.
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
