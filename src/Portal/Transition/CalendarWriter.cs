using System.Text;

namespace Portal.Transition;

/// <summary>An all-day calendar entry.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description);

/// <summary>
/// Writes iCalendar (RFC 5545) by hand: CRLF line endings, lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped (backslash, semicolon, comma, newline).
/// </summary>
public static class CalendarWriter
{
    private const int MaxOctets = 75;

    public static string Write(IEnumerable<CalendarEvent> events, DateTimeOffset stamp, string calendarName)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Handicapportalen//Den Gode Overgang//DA");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + Escape(e.Uid));
            Line(sb, "DTSTAMP:" + dtstamp);
            Line(sb, "DTSTART;VALUE=DATE:" + Date(e.Date));
            Line(sb, "DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            Line(sb, "DESCRIPTION:" + Escape(e.Description));
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Appends a content line, folded: each physical line holds at most 75 octets; continuation lines start with one space.</summary>
    internal static void Line(StringBuilder sb, string content)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < content.Length; i++)
        {
            var isPair = char.IsHighSurrogate(content[i]) && i + 1 < content.Length && char.IsLowSurrogate(content[i + 1]);
            var size = isPair ? 4 : content[i] < 0x80 ? 1 : content[i] < 0x800 ? 2 : 3;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }
            sb.Append(content[i]);
            if (isPair)
            {
                sb.Append(content[++i]);
            }
            octets += size;
        }
        sb.Append("\r\n");
    }
}
