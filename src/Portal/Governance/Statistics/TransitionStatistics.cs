using System.Text.Json;
using Portal.Audit;

namespace Portal.Governance;

/// <summary>Cases worked out in Den Gode Overgang's planner and list, per quarter.</summary>
public static class TransitionStatistics
{
    public sealed record QuarterRow(StatisticsQuarter Quarter, int Cases);

    /// <summary>Every quarter of the period, newest first; an entry counts its "cases" detail (the list view plans many at once).</summary>
    public static IReadOnlyList<QuarterRow> PerQuarter(IEnumerable<AuditEntry> entries, StatisticsPeriod period)
    {
        var counts = period.Quarters.ToDictionary(q => q, _ => 0);
        foreach (var entry in entries.Where(e => period.Contains(e.At)))
        {
            var quarter = StatisticsQuarter.Of(entry.At);
            if (counts.ContainsKey(quarter))
            {
                counts[quarter] += CasesOf(entry);
            }
        }
        return counts.OrderByDescending(c => c.Key).Select(c => new QuarterRow(c.Key, c.Value)).ToList();
    }

    private static int CasesOf(AuditEntry entry)
    {
        if (entry.Details is { Length: > 0 } details && details[0] == '{')
        {
            try
            {
                using var json = JsonDocument.Parse(details);
                if (json.RootElement.TryGetProperty("cases", out var cases) && cases.TryGetInt32(out var n) && n > 0)
                {
                    return n;
                }
            }
            catch (JsonException)
            {
                // Counted as one case below.
            }
        }
        return 1;
    }
}
