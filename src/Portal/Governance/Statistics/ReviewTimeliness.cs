using Portal.Content;
using Portal.Reviews;

namespace Portal.Governance;

/// <summary>Reviews on time against late, per tovholder.</summary>
public static class ReviewTimeliness
{
    public sealed record OwnerRow(string Owner, int OnTime, int Late, int OverdueNow)
    {
        public int Reviewed => OnTime + Late;
    }

    /// <summary>
    /// A review is on time when it was marked on or before the review date it answered (the Danish calendar day of
    /// the click; the review date itself counts as on time), late when after it.
    /// </summary>
    public static bool IsOnTime(ReviewRecord record) =>
        DateOnly.FromDateTime(DanishClock.ToDanish(record.ReviewedAt).DateTime) <= record.PreviousReviewDate;

    /// <summary>
    /// Reviews in the period per tovholder (the document's tovholder now: the records do not keep who it was then),
    /// with the documents each has overdue today; tovholdere with neither are left out.
    /// </summary>
    public static IReadOnlyList<OwnerRow> PerOwner(IEnumerable<ReviewRecord> records, LibrarySnapshot snapshot, StatisticsPeriod period, DateOnly today, int soonDays)
    {
        var rows = new Dictionary<string, (int OnTime, int Late, int Overdue)>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => period.Contains(r.ReviewedAt)))
        {
            var owner = OwnerLabel(snapshot.Find(record.Slug)?.Owner);
            var row = rows.GetValueOrDefault(owner);
            rows[owner] = IsOnTime(record) ? row with { OnTime = row.OnTime + 1 } : row with { Late = row.Late + 1 };
        }
        foreach (var document in snapshot.Documents.Where(d => d.ReviewStatusOn(today, soonDays) == ReviewStatus.Overdue))
        {
            var owner = OwnerLabel(document.Owner);
            var row = rows.GetValueOrDefault(owner);
            rows[owner] = row with { Overdue = row.Overdue + 1 };
        }
        return rows.Select(r => new OwnerRow(r.Key, r.Value.OnTime, r.Value.Late, r.Value.Overdue))
            .OrderBy(r => r.Owner, StringComparer.Create(DanishFormat.Culture, false))
            .ToList();
    }

    private static string OwnerLabel(Owner? owner) => owner switch
    {
        null => "Dokumentet findes ikke mere",
        { Function.Length: > 0 } => $"{owner.Name} ({owner.Function})",
        _ => owner.Name,
    };
}
