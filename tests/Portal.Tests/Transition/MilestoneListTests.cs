using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class MilestoneListTests
{
    private static MilestoneList List()
    {
        var options = Shipped();
        return new MilestoneList(new TransitionRules(options), new MilestoneDescriber(options));
    }

    [Fact]
    public void Build_ReturnsOnlyMilestonesInsideThePeriod_InclusiveAtBothEnds()
    {
        var rows = new[] { new CaseRow(2, "A", D("2010-04-03"), null), new CaseRow(3, "B", D("2010-12-31"), null) };

        var hits = List().Build(rows, D("2026-04-22"), D("2026-05-20"));

        Assert.Equal(
            [("A", MilestoneKind.CafeInvitation), ("A", MilestoneKind.InformationLetter), ("A", MilestoneKind.CafeMeeting)],
            hits.Select(h => (h.Row.CaseNumber, h.Kind)));
        Assert.All(hits, h => Assert.False(string.IsNullOrWhiteSpace(h.Title)));
    }

    [Fact]
    public void Build_LeavesOutTheInformationalFastTrackDate_AndPeopleAlready18()
    {
        var rows = new[] { new CaseRow(2, "A", D("2010-04-03"), null), new CaseRow(3, "Old", D("1990-01-01"), null) };

        var hits = List().Build(rows, D("2025-10-01"), D("2025-10-31"));

        var hit = Assert.Single(hits);
        Assert.Equal(MilestoneKind.Notice15Half, hit.Kind);
    }

    [Fact]
    public void Build_FastTrackCase_ListsTheDecisionDeadline()
    {
        var rows = new[] { new CaseRow(2, "A", D("2010-04-03"), D("2026-05-01")) };

        var hits = List().Build(rows, D("2026-06-01"), D("2026-06-01"));

        Assert.Equal(MilestoneKind.FastTrack, Assert.Single(hits).Kind);
    }

    [Theory]
    [InlineData(null, "2026-12-31", "både en start- og en slutdato")]
    [InlineData("2026-12-31", "2026-01-01", "før startdatoen")]
    [InlineData("2026-01-01", "2031-01-02", "højst være 5 år")]
    public void ValidatePeriod_ExplainsTheProblem(string? from, string to, string message)
    {
        Assert.Contains(message, MilestoneList.ValidatePeriod(from is null ? null : D(from), D(to), 5));
    }

    [Fact]
    public void ValidatePeriod_AcceptsASingleDayAndExactlyTheMaximum()
    {
        Assert.Null(MilestoneList.ValidatePeriod(D("2026-01-01"), D("2026-01-01"), 5));
        Assert.Null(MilestoneList.ValidatePeriod(D("2026-01-01"), D("2031-01-01"), 5));
    }
}
