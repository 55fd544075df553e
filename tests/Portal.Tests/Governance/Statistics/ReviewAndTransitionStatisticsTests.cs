using Portal.Audit;
using Portal.Governance;
using Portal.Reviews;
using Portal.Transition;

namespace Portal.Tests.Governance.Statistics;

public class ReviewAndTransitionStatisticsTests
{
    private static ReviewRecord Review(DateTimeOffset at, DateOnly due) =>
        new() { Slug = "a", Reviewer = "r", ReviewedAt = at, PreviousReviewDate = due, NextReviewDate = due.AddYears(1) };

    [Fact]
    public void Review_OnTheReviewDateInDanishTime_IsOnTime_TheNextDanishDayIsLate()
    {
        var due = new DateOnly(2026, 6, 30);

        // 21:59 UTC is 23:59 in Copenhagen (CEST); 22:00 UTC is already 1 July.
        Assert.True(ReviewTimeliness.IsOnTime(Review(new DateTimeOffset(2026, 6, 30, 21, 59, 0, TimeSpan.Zero), due)));
        Assert.False(ReviewTimeliness.IsOnTime(Review(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), due)));
        Assert.True(ReviewTimeliness.IsOnTime(Review(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), due)));
    }

    [Fact]
    public void Transition_CountsCasesPerDanishQuarter_NewestFirst_WithEveryQuarter()
    {
        var period = StatisticsPeriod.Ending(new DateOnly(2026, 12, 2));
        AuditEntry Plan(DateTimeOffset at, int cases) =>
            new() { At = at, User = "", Action = AuditActions.TransitionPlanned, Target = TransitionUsage.PlannerTarget, Details = TransitionUsage.Details(cases) };
        AuditEntry[] entries =
        [
            Plan(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), 1),
            Plan(new DateTimeOffset(2026, 10, 3, 9, 0, 0, TimeSpan.Zero), 40),
            // 22:30 UTC on 30 September is 00:30 on 1 October in Copenhagen: the fourth quarter.
            Plan(new DateTimeOffset(2026, 9, 30, 22, 30, 0, TimeSpan.Zero), 2),
            Plan(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), 1),
            new() { At = new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero), User = "", Action = AuditActions.TransitionPlanned, Target = "x", Details = null },
            Plan(new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero), 7),
        ];

        var rows = TransitionStatistics.PerQuarter(entries, period);

        Assert.Equal(
            [(new StatisticsQuarter(2026, 4), 43), (new StatisticsQuarter(2026, 3), 2), (new StatisticsQuarter(2026, 2), 0), (new StatisticsQuarter(2026, 1), 0), (new StatisticsQuarter(2025, 4), 0)],
            rows.Select(r => (r.Quarter, r.Cases)));
    }

    [Fact]
    public void TransitionDetails_HoldOnlyTheCount()
    {
        Assert.Equal("""{"cases":3}""", TransitionUsage.Details(3));
    }
}
