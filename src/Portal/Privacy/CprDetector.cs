using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Privacy;

/// <summary>
/// The one place that recognises a CPR number in free text (feedback, checklist notes, editor text, search).
/// Written as DDMMYY-SSSS with any separators people and word processors use (. - / space, non-breaking and
/// Unicode spaces, hyphens and dashes, invisible characters), full-width digits and letters for digits (O/o → 0,
/// l/I/| → 1). A hit needs a real calendar date, at least five real digits and no digit right before or after,
/// so case numbers (27.12.04-G01-1-26), phone numbers (+45 12 34 56 78) and dates (24.11.2026) are not alarms.
/// </summary>
public static partial class CprDetector
{
    /// <summary>The sentence shown when free text is refused: never repeats the number.</summary>
    public const string Refusal = "Teksten ser ud til at indeholde et CPR-nummer. Skriv aldrig CPR-numre eller andre oplysninger om borgere her.";

    private const char Separator = '-';
    private const char Letter = 'a';
    private const char Other = '#';

    // On the normalised text: digits, '-' for any separator, 'a' for letters, '#' for the rest.
    // Every quantifier is bounded and nothing nests, so a match attempt is a fixed small amount of work per position:
    // no timeout. A timeout only fired on a starved CPU and then aborted the whole import at start-up.
    [GeneratedRegex(@"(?<![0-9])([0-9]{2})-{0,2}([0-9]{2})-{0,2}([0-9]{2})-{0,3}([0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    public static bool Contains(string? text) => Find(text).Any();

    /// <summary>The whole value (trimmed) is one CPR number, e.g. a CSV cell or a date field.</summary>
    public static bool IsCpr(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return Find(trimmed).Any(hit => hit.Start == 0 && hit.Length == trimmed.Length);
    }

    /// <summary>The text with every CPR number replaced by [CPR], e.g. before a query is logged.</summary>
    public static string Redact(string text)
    {
        var hits = Find(text).ToList();
        if (hits.Count == 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length) in hits)
        {
            builder.Append(text, at, start - at).Append("[CPR]");
            at = start + length;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Each CPR number as start and length in the original text.</summary>
    public static IEnumerable<(int Start, int Length)> Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 10)
        {
            yield break;
        }
        var (normal, origin, real) = Normalise(text);
        foreach (Match match in Candidate().Matches(normal))
        {
            var day = Number(match.Groups[1].Value);
            var month = Number(match.Groups[2].Value);
            var year = Number(match.Groups[3].Value);
            var digits = 0;
            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                digits += real[i] ? 1 : 0;
            }
            if (digits >= 5 && IsDate(day, month, year))
            {
                var start = origin[match.Index];
                var end = origin[match.Index + match.Length - 1];
                yield return (start, end - start + 1);
            }
        }
    }

    private static (string Normal, int[] Origin, bool[] RealDigit) Normalise(string text)
    {
        var normal = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        var real = new List<bool>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                continue;
            }
            var (mapped, isReal) = Map(c);
            normal.Append(mapped);
            origin.Add(i);
            real.Add(isReal);
        }
        return (normal.ToString(), origin.ToArray(), real.ToArray());
    }

    private static (char Mapped, bool RealDigit) Map(char c)
    {
        if (char.IsDigit(c))
        {
            return ((char)('0' + (int)char.GetNumericValue(c)), true);
        }
        return c switch
        {
            'O' or 'o' or 'Ø' or 'ø' => ('0', false),
            'l' or 'I' or '|' or '!' => ('1', false),
            '.' or '/' or '-' or ':' or '_' => (Separator, false),
            _ when char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DashPunctuation || c == '\u2212' => (Separator, false),
            _ when char.IsLetter(c) => (Letter, false),
            _ => (Other, false),
        };
    }

    // Soft hyphen, zero-width spaces and joiners, word joiner, BOM: invisible, so they hide nothing.
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static int Number(string twoDigits) => (twoDigits[0] - '0') * 10 + (twoDigits[1] - '0');

    private static bool IsDate(int day, int month, int year) =>
        month is >= 1 and <= 12 && day >= 1 && (day <= DateTime.DaysInMonth(2000 + year, month) || day <= DateTime.DaysInMonth(1900 + year, month));
}
