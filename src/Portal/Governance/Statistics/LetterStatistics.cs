using System.Globalization;
using Portal.Content;

namespace Portal.Governance;

/// <summary>The letter figures: per template and month, refusals against grants per paragraph, and genvurderinger.</summary>
public static class LetterStatistics
{
    public const string Refusal = "afslag";
    public const string PartialGrant = "delvis bevilling";
    public const string Grant = "bevilling";

    public sealed record TemplateMonthRow(StatisticsMonth Month, string Template, int Count);

    public sealed record ParagraphRow(string Area, string Paragraph, int Refusals, int PartialGrants, int Grants)
    {
        public int Total => Refusals + PartialGrants + Grants;
    }

    public sealed record ReappraisalRow(StatisticsMonth Month, int Upheld, int Medhold)
    {
        public int Total => Upheld + Medhold;
    }

    /// <summary>Newest month first; within a month the most used template first.</summary>
    public static IReadOnlyList<TemplateMonthRow> PerTemplateAndMonth(IEnumerable<LetterFact> facts, StatisticsPeriod period) =>
        facts.Where(f => period.Contains(f.At))
            .GroupBy(f => (Month: StatisticsMonth.Of(f.At), f.Template))
            .Select(g => new TemplateMonthRow(g.Key.Month, g.Key.Template, g.Count()))
            .OrderByDescending(r => r.Month).ThenByDescending(r => r.Count).ThenBy(r => r.Template, StringComparer.Ordinal)
            .ToList();

    /// <summary>Letters per month and area, for the chart above the per-template table.</summary>
    public static IReadOnlyDictionary<string, int[]> PerAreaAndMonth(IEnumerable<LetterFact> facts, StatisticsPeriod period)
    {
        var months = period.Months.ToList();
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var fact in facts.Where(f => period.Contains(f.At)))
        {
            var index = months.IndexOf(StatisticsMonth.Of(fact.At));
            if (index < 0)
            {
                continue;
            }
            if (!result.TryGetValue(fact.Classification.Area, out var counts))
            {
                result[fact.Classification.Area] = counts = new int[months.Count];
            }
            counts[index]++;
        }
        return result;
    }

    /// <summary>Decisions with an outcome of refusal, partial grant or grant, per area and main paragraph; children first.</summary>
    public static IReadOnlyList<ParagraphRow> DecisionsByParagraph(IEnumerable<LetterFact> facts, StatisticsPeriod period) =>
        facts.Where(f => period.Contains(f.At) && f.Classification.Outcome is Refusal or PartialGrant or Grant)
            .GroupBy(f => (f.Classification.Area, Paragraph: f.Classification.Paragraph ?? "Ingen paragraf"))
            .Select(g => new ParagraphRow(g.Key.Area, g.Key.Paragraph,
                g.Count(f => f.Classification.Outcome == Refusal),
                g.Count(f => f.Classification.Outcome == PartialGrant),
                g.Count(f => f.Classification.Outcome == Grant)))
            .OrderBy(r => AreaOrder(r.Area)).ThenBy(r => r.Paragraph, ParagraphComparer.Instance)
            .ToList();

    /// <summary>
    /// Genvurderinger per month: a letter from an "upheld" template (the decision is kept, the complaint goes on to
    /// Ankestyrelsen) or from a "medhold" template (a new decision). Every month of the period has a row.
    /// </summary>
    public static IReadOnlyList<ReappraisalRow> Reappraisals(IEnumerable<LetterFact> facts, StatisticsPeriod period, StatisticsOptions options)
    {
        var upheld = options.UpheldTemplates.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var medhold = options.MedholdTemplates.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inPeriod = facts.Where(f => period.Contains(f.At)).ToList();
        return period.Months
            .Select(m => new ReappraisalRow(m,
                inPeriod.Count(f => upheld.Contains(f.Template) && StatisticsMonth.Of(f.At) == m),
                inPeriod.Count(f => medhold.Contains(f.Template) && StatisticsMonth.Of(f.At) == m)))
            .Reverse()
            .ToList();
    }

    private static int AreaOrder(string area) => area switch
    {
        "børn" => 0,
        "voksen" => 1,
        _ => 2,
    };

    public static string AreaLabel(string area) => AreaNames.TryParse(area, out var parsed) ? AreaNames.Label(parsed) : "Ukendt";

    /// <summary>"Barnets Lov § 9" before "Barnets Lov § 86": law name, then the paragraph number as a number.</summary>
    private sealed class ParagraphComparer : IComparer<string>
    {
        public static readonly ParagraphComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var (lawX, numberX) = Split(x ?? "");
            var (lawY, numberY) = Split(y ?? "");
            var byLaw = string.Compare(lawX, lawY, StringComparison.Ordinal);
            return byLaw != 0 ? byLaw : numberX != numberY ? numberX.CompareTo(numberY) : string.Compare(x, y, StringComparison.Ordinal);
        }

        private static (string Law, int Number) Split(string text)
        {
            var sign = text.IndexOf('§');
            if (sign < 0)
            {
                return (text, 0);
            }
            var digits = new string(text[(sign + 1)..].TrimStart(' ', '§').TakeWhile(char.IsAsciiDigit).ToArray());
            return (text[..sign].Trim(), int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
        }
    }
}
