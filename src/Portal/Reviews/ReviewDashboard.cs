using System.Globalization;
using Portal.Content;

namespace Portal.Reviews;

public sealed record DashboardFilter(ReviewStatus? Status = null, string? OwnerKey = null, Area? Area = null, string? Type = null, string? Text = null, bool? Templates = null);

public sealed record DashboardRow(LibraryDocument Document, ReviewStatus Status, int DaysLeft);

public sealed record DashboardAreaGroup(Area Area, IReadOnlyList<DashboardRow> Rows);

public sealed record DashboardOwnerGroup(Owner Owner, IReadOnlyList<DashboardAreaGroup> Areas)
{
    public int Count => Areas.Sum(a => a.Rows.Count);
    public int Overdue => Areas.Sum(a => a.Rows.Count(r => r.Status == ReviewStatus.Overdue));
}

public sealed record DashboardView(IReadOnlyDictionary<ReviewStatus, int> Counts, IReadOnlyList<DashboardOwnerGroup> Groups)
{
    public int Shown => Groups.Sum(g => g.Count);
}

/// <summary>Every document and template by review status, grouped by tovholder and område, with counts per status.</summary>
public static class ReviewDashboard
{
    private static readonly StringComparer s_danish = StringComparer.Create(new CultureInfo("da-DK"), ignoreCase: true);

    public static DashboardView Build(LibrarySnapshot snapshot, DashboardFilter filter, DateOnly today, int soonDays)
    {
        var rows = snapshot.Documents
            .Where(d => filter.OwnerKey is null || string.Equals(d.Owner.Key, filter.OwnerKey, StringComparison.OrdinalIgnoreCase))
            .Where(d => filter.Area is null || d.Area == filter.Area)
            .Where(d => string.IsNullOrEmpty(filter.Type) || d.Type == filter.Type)
            .Where(d => filter.Templates is null || d.IsTemplate == filter.Templates)
            .Where(d => string.IsNullOrWhiteSpace(filter.Text) || d.Title.Contains(filter.Text.Trim(), StringComparison.OrdinalIgnoreCase) || d.Slug.Contains(filter.Text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(d => new DashboardRow(d, d.ReviewStatusOn(today, soonDays), d.ReviewDate.DayNumber - today.DayNumber))
            .ToList();
        // Counts ignore the status filter so they show what each status choice would give.
        var counts = Enum.GetValues<ReviewStatus>().ToDictionary(s => s, s => rows.Count(r => r.Status == s));
        var groups = rows.Where(r => filter.Status is null || r.Status == filter.Status)
            .GroupBy(r => r.Document.Owner.Key)
            .Select(g => new DashboardOwnerGroup(g.First().Document.Owner, g.GroupBy(r => r.Document.Area).OrderBy(a => a.Key)
                .Select(a => new DashboardAreaGroup(a.Key, a.OrderBy(r => r.Document.ReviewDate).ThenBy(r => r.Document.Title, s_danish).ToList())).ToList()))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Owner.Name, s_danish)
            .ToList();
        return new DashboardView(counts, groups);
    }

    /// <summary>The roster key of the signed-in person, matched by e-mail, so "mine" can be the default.</summary>
    public static string? OwnerKeyOf(LibrarySnapshot snapshot, string? email) =>
        string.IsNullOrEmpty(email) ? null : snapshot.Roster.Owners.FirstOrDefault(o => string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase))?.Key;

    public static bool TryParseStatus(string? key, out ReviewStatus? status)
    {
        status = key switch
        {
            "overskredet" => ReviewStatus.Overdue,
            "snart" => ReviewStatus.DueSoon,
            "gyldig" => ReviewStatus.Valid,
            _ => null,
        };
        return status is not null || string.IsNullOrEmpty(key);
    }
}
