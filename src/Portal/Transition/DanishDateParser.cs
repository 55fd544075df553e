using System.Globalization;
using Portal.Content;

namespace Portal.Transition;

/// <summary>
/// Reads a typed or pasted date: 03-04-2010, 3.4.2010, 3/4/2010, 2010-04-03, 03042010 or "3. april 2010".
/// A trailing midnight time (Excel) is ignored. Fails with a Danish explanation, never an exception.
/// </summary>
public static class DanishDateParser
{
    private static readonly string[] s_longFormats = ["d. MMMM yyyy", "d MMMM yyyy", "d. MMM yyyy", "d MMM yyyy"];

    public static bool TryParse(ReadOnlySpan<char> input, out DateOnly date, out string error)
    {
        date = default;
        error = "";
        var text = StripMidnight(input.Trim());
        if (text.IsEmpty)
        {
            error = "Datoen mangler.";
            return false;
        }
        if (LooksLikeCpr(text))
        {
            error = "Det ligner et CPR-nummer. Skriv kun datoen, fx 03-04-2010.";
            return false;
        }
        Span<Range> parts = stackalloc Range[4];
        var count = text.SplitAny(parts, "-./", StringSplitOptions.None);
        if (count == 3 && AllDigits(text[parts[0]]) && AllDigits(text[parts[1]]) && AllDigits(text[parts[2]]))
        {
            var a = text[parts[0]];
            var b = text[parts[1]];
            var c = text[parts[2]];
            return a.Length == 4
                ? Build(Number(a), Number(b), Number(c), text, out date, out error)
                : c.Length == 4 && a.Length <= 2 && b.Length <= 2
                    ? Build(Number(c), Number(b), Number(a), text, out date, out error)
                    : Fail(c.Length == 2 ? "Skriv årstallet med fire cifre, fx 03-04-2010." : $"'{text}' er ikke en dato. Skriv fx 03-04-2010.", out error);
        }
        if (count == 1 && AllDigits(text))
        {
            return text.Length switch
            {
                8 => Build(Number(text[4..]), Number(text[2..4]), Number(text[..2]), text, out date, out error),
                6 => Fail("Skriv årstallet med fire cifre, fx 03-04-2010.", out error),
                _ => Fail($"'{text}' er ikke en dato. Skriv fx 03-04-2010.", out error),
            };
        }
        if (DateOnly.TryParseExact(text, s_longFormats, DanishFormat.Culture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }
        return Fail($"'{text}' er ikke en dato. Skriv fx 03-04-2010.", out error);
    }

    public static bool TryParse(string? input, out DateOnly date, out string error) => TryParse((input ?? "").AsSpan(), out date, out error);

    private static bool Build(int year, int month, int day, ReadOnlySpan<char> text, out DateOnly date, out string error)
    {
        date = default;
        if (year is < 1 or > 9999)
        {
            return Fail($"'{text}' har et ugyldigt årstal.", out error);
        }
        if (month is < 1 or > 12)
        {
            return Fail($"'{text}' er ikke en dato: måneden skal være mellem 1 og 12.", out error);
        }
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            var monthName = DanishFormat.Culture.DateTimeFormat.GetMonthName(month);
            return Fail($"{day}. {monthName} {year} findes ikke: {monthName} {year} har {DanishFormat.Count(days, "dag", "dage")}.", out error);
        }
        date = new DateOnly(year, month, day);
        error = "";
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    private static ReadOnlySpan<char> StripMidnight(ReadOnlySpan<char> text)
    {
        foreach (var suffix in (ReadOnlySpan<string>)[" 00:00:00", "T00:00:00", " 00:00", " 0:00:00", " 0:00", " 00.00.00", " 00.00"])
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length].TrimEnd();
            }
        }
        return text;
    }

    private static bool LooksLikeCpr(ReadOnlySpan<char> text) => Privacy.CprDetector.IsCpr(text.ToString());

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 8)
        {
            return false;
        }
        foreach (var ch in s)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static int Number(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var ch in s)
        {
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
