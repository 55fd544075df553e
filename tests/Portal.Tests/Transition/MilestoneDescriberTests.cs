using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class MilestoneDescriberTests
{
    [Theory]
    [InlineData("2010-04-03", null)]
    [InlineData("2008-02-29", null)]
    [InlineData("2010-12-31", null)]
    [InlineData("2010-04-03", "2027-06-10")]
    [InlineData("2010-04-03", "2028-02-01")]
    public void EveryMilestone_HasTitleAndARuleStartingWithRegel_WithAllPlaceholdersFilled(string birth, string? arrival)
    {
        var options = Shipped();
        var schedule = new TransitionRules(options).Schedule(D(birth), arrival is null ? null : D(arrival));

        var milestones = new MilestoneDescriber(options).Describe(schedule, D("2026-11-23"));

        Assert.Equal(schedule.Milestones.Count, milestones.Count);
        Assert.All(milestones, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Title));
            Assert.StartsWith("Regel: ", m.Rule);
            Assert.DoesNotContain("{", m.Rule);
            Assert.All(m.Notes, n => Assert.DoesNotContain("{", n));
        });
    }

    [Fact]
    public void CafeMeetingRule_ExplainsQuarterMonthsAndMeetingDay()
    {
        var options = Shipped();
        var schedule = new TransitionRules(options).Schedule(D("2010-04-03"));

        var meeting = new MilestoneDescriber(options).Describe(schedule, D("2026-01-01")).Single(m => m.Kind == MilestoneKind.CafeMeeting);

        Assert.Contains("3. april 2026", meeting.Rule);
        Assert.Contains("2. kvartal 2026", meeting.Rule);
        Assert.Contains("maj 2026", meeting.Rule);
        Assert.Contains("februar, maj, august og november", meeting.Rule);
        Assert.Contains("den første onsdag fra og med den 15.", meeting.Rule);
        Assert.Equal(options.CafeInvitationTemplate, meeting.LetterTemplate);
    }

    [Fact]
    public void NoticeRule_NamesTheConfiguredUnitAndTheDecisionDeadline()
    {
        var options = Shipped(o => o.NoticeUnit = "Ungeenheden");
        var schedule = new TransitionRules(options).Schedule(D("2010-04-03"));

        var notice = new MilestoneDescriber(options).Describe(schedule, D("2026-01-01")).Single(m => m.Kind == MilestoneKind.Notice15Half);

        Assert.Contains("Ungeenheden", notice.Rule);
        Assert.Contains("3. oktober 2025", notice.Rule);
        Assert.Contains("3. november 2025", notice.Rule);
        Assert.Null(notice.LetterTemplate);
    }

    [Fact]
    public void LeapDayNote_SaysFirstOfMarch()
    {
        var options = Shipped();
        var schedule = new TransitionRules(options).Schedule(D("2008-02-29"));

        var adult = new MilestoneDescriber(options).Describe(schedule, D("2026-01-01")).Single(m => m.Kind == MilestoneKind.Adult18);

        Assert.Contains(adult.Notes, n => n.Contains("29. februar") && n.Contains("1. marts"));
    }

    [Fact]
    public void Status_IsPassedTodayOrUpcoming()
    {
        var options = Shipped();
        var schedule = new TransitionRules(options).Schedule(D("2010-04-03"));

        var milestones = new MilestoneDescriber(options).Describe(schedule, D("2026-05-20"));

        Assert.Equal(MilestoneStatus.Passed, milestones.Single(m => m.Kind == MilestoneKind.CafeInvitation).Status);
        Assert.Equal(MilestoneStatus.Today, milestones.Single(m => m.Kind == MilestoneKind.CafeMeeting).Status);
        Assert.Equal(MilestoneStatus.Upcoming, milestones.Single(m => m.Kind == MilestoneKind.Adult18).Status);
    }

    [Fact]
    public void Fill_LeavesUnknownPlaceholdersAndStrayBraces()
    {
        var values = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Equal("1 {b} {", MilestoneDescriber.Fill("{a} {b} {", values));
        Assert.Equal("ingen", MilestoneDescriber.Fill("ingen", values));
    }

    [Fact]
    public void JoinDanish_UsesOgBeforeTheLast()
    {
        Assert.Equal("a, b og c", MilestoneDescriber.JoinDanish(["a", "b", "c"]));
        Assert.Equal("a", MilestoneDescriber.JoinDanish(["a"]));
    }
}
