using System.Collections.Concurrent;
using System.Globalization;

namespace Portal.Letters;

/// <summary>Danish public holidays and closing days from configuration, with the Easter-based ones computed.</summary>
public sealed class ClosingCalendar(IReadOnlyList<ClosingDay> days)
{
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> _years = new();

    /// <summary>The name of the closing day on this date, or null on an ordinary day.</summary>
    public string? ClosingDayName(DateOnly date) => DaysIn(date.Year).GetValueOrDefault(date);

    public IReadOnlyDictionary<DateOnly, string> DaysIn(int year) => _years.GetOrAdd(year, y =>
    {
        var result = new Dictionary<DateOnly, string>();
        var easter = EasterSunday(y);
        foreach (var day in days.Where(d => (d.FromYear ?? int.MinValue) <= y && y <= (d.ToYear ?? int.MaxValue)))
        {
            DateOnly? date = day.EasterOffset is { } offset
                ? easter.AddDays(offset)
                : DateOnly.TryParseExact($"{y}-{day.Date}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fixedDate) ? fixedDate : null;
            if (date is { } d)
            {
                result.TryAdd(d, day.Name);
            }
        }
        return result;
    });

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
