using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class TransitionRulesTests
{
    [Theory]
    [InlineData("2010-04-03", "2025-10-03")]
    [InlineData("2010-01-01", "2025-07-01")]
    [InlineData("2010-08-31", "2026-02-28")]
    [InlineData("2012-08-31", "2028-02-29")]
    [InlineData("2010-12-31", "2026-06-30")]
    [InlineData("2010-06-30", "2025-12-30")]
    [InlineData("2012-02-29", "2027-08-29")]
    [InlineData("2010-03-31", "2025-09-30")]
    public void HalfYear_Adds186Months_LastDayOfMonthWhenTheDayIsMissing(string birth, string expected)
    {
        Assert.Equal(D(expected), TransitionRules.HalfYear(D(birth)));
    }

    [Theory]
    [InlineData("2008-02-29", 18, LeapDayRule.FirstOfMarch, "2026-03-01")]
    [InlineData("2008-02-29", 18, LeapDayRule.LastOfFebruary, "2026-02-28")]
    [InlineData("2008-02-29", 16, LeapDayRule.FirstOfMarch, "2024-02-29")]
    [InlineData("2084-02-29", 16, LeapDayRule.FirstOfMarch, "2100-03-01")]
    [InlineData("2084-02-29", 16, LeapDayRule.LastOfFebruary, "2100-02-28")]
    [InlineData("2010-12-31", 18, LeapDayRule.FirstOfMarch, "2028-12-31")]
    [InlineData("2010-02-28", 18, LeapDayRule.FirstOfMarch, "2028-02-28")]
    [InlineData("2010-03-01", 16, LeapDayRule.LastOfFebruary, "2026-03-01")]
    public void Birthday_LeapDayFollowsTheConfiguredRule(string birth, int years, LeapDayRule rule, string expected)
    {
        Assert.Equal(D(expected), TransitionRules.Birthday(D(birth), years, rule));
    }

    [Theory]
    [InlineData("2010-01-01", "2026-02-18")]
    [InlineData("2010-03-31", "2026-02-18")]
    [InlineData("2010-04-01", "2026-05-20")]
    [InlineData("2010-06-30", "2026-05-20")]
    [InlineData("2010-07-01", "2026-08-19")]
    [InlineData("2010-09-30", "2026-08-19")]
    [InlineData("2010-10-01", "2026-11-18")]
    [InlineData("2010-12-31", "2026-11-18")]
    [InlineData("2012-02-29", "2028-02-16")]
    public void CafeMeeting_IsInTheMeetingMonthOfTheQuarterOfThe16thBirthday_FirstWednesdayFromThe15th(string birth, string meeting)
    {
        var schedule = Rules().Schedule(D(birth));

        Assert.Equal(D(meeting), Date(schedule, MilestoneKind.CafeMeeting));
        Assert.Equal(D(meeting), schedule.CafeMeeting);
    }

    [Fact]
    public void Invitation_AndInformationLetter_AreSentFourWeeksBeforeTheMeeting()
    {
        var schedule = Rules().Schedule(D("2010-04-03"));

        Assert.Equal(D("2026-04-22"), Date(schedule, MilestoneKind.CafeInvitation));
        Assert.Equal(D("2026-04-22"), Date(schedule, MilestoneKind.InformationLetter));
        Assert.Equal(D("2026-05-20"), Date(schedule, MilestoneKind.CafeMeeting));
    }

    [Fact]
    public void OrdinaryCase_HasNoticeCoordinationAnd18_InDateOrder()
    {
        var schedule = Rules().Schedule(D("2010-04-03"));

        Assert.Equal(D("2025-10-03"), Date(schedule, MilestoneKind.Notice15Half));
        Assert.Equal(D("2027-04-03"), Date(schedule, MilestoneKind.CoordinationMeeting));
        Assert.Equal(D("2028-04-03"), Date(schedule, MilestoneKind.Adult18));
        Assert.False(schedule.FastTrack);
        Assert.Equal(schedule.Milestones.OrderBy(m => m.Date).Select(m => m.Date), schedule.Milestones.Select(m => m.Date));
        var fastTrack = Assert.Single(schedule.Milestones, m => m.Kind == MilestoneKind.FastTrack);
        Assert.False(fastTrack.IsAction);
        Assert.Equal(D("2025-10-03"), fastTrack.Date);
    }

    [Fact]
    public void ThirtyFirstDecember_ClampsTheNotice_AndMeetsInNovember()
    {
        var schedule = Rules().Schedule(D("2010-12-31"));

        var notice = Single(schedule, MilestoneKind.Notice15Half);
        Assert.Equal(D("2026-06-30"), notice.Date);
        Assert.Contains(MilestoneNote.MonthEnd, notice.Notes);
        Assert.Equal(D("2026-11-18"), Date(schedule, MilestoneKind.CafeMeeting));
        Assert.Equal(D("2027-12-31"), Date(schedule, MilestoneKind.CoordinationMeeting));
        Assert.Equal(D("2028-12-31"), Date(schedule, MilestoneKind.Adult18));
    }

    [Fact]
    public void LeapDayBirthday_18thBirthdayOnFirstOfMarch_WithNote()
    {
        var schedule = Rules().Schedule(D("2008-02-29"));

        var adult = Single(schedule, MilestoneKind.Adult18);
        Assert.Equal(D("2026-03-01"), adult.Date);
        Assert.Contains(MilestoneNote.LeapDay, adult.Notes);
        Assert.Equal(D("2025-03-01"), Date(schedule, MilestoneKind.CoordinationMeeting));
        Assert.Equal(D("2023-08-29"), Date(schedule, MilestoneKind.Notice15Half));
        Assert.DoesNotContain(MilestoneNote.LeapDay, Single(schedule, MilestoneKind.CafeMeeting).Notes);
    }

    [Fact]
    public void LeapDayBirthday_WithLastOfFebruaryRule_Uses28February()
    {
        var schedule = Rules(o => o.LeapDayBirthday = LeapDayRule.LastOfFebruary).Schedule(D("2008-02-29"));

        Assert.Equal(D("2026-02-28"), Date(schedule, MilestoneKind.Adult18));
        Assert.Equal(D("2025-02-28"), Date(schedule, MilestoneKind.CoordinationMeeting));
    }

    [Fact]
    public void LeapDay16thBirthdayIn2100_IsNotALeapYear_MeetsInQ1()
    {
        var schedule = Rules().Schedule(D("2084-02-29"));

        var meeting = Single(schedule, MilestoneKind.CafeMeeting);
        Assert.Equal(D("2100-02-17"), meeting.Date);
        Assert.Contains(MilestoneNote.LeapDay, meeting.Notes);
    }

    [Fact]
    public void FixedMeetingDate_ReplacesTheRuleForThatMonth()
    {
        var rules = Rules(o => o.MeetingDates = [D("2026-05-27")]);

        var schedule = rules.Schedule(D("2010-04-03"));

        var meeting = Single(schedule, MilestoneKind.CafeMeeting);
        Assert.Equal(D("2026-05-27"), meeting.Date);
        Assert.Contains(MilestoneNote.FixedMeetingDate, meeting.Notes);
        Assert.Equal(D("2026-04-29"), Date(schedule, MilestoneKind.CafeInvitation));
        Assert.Equal(D("2027-02-17"), rules.MeetingIn(2027, 2).Date);
    }

    [Theory]
    [InlineData(null, 15, "2026-05-15")]
    [InlineData(null, 1, "2026-05-01")]
    [InlineData(DayOfWeek.Monday, 1, "2026-05-04")]
    [InlineData(DayOfWeek.Friday, 15, "2026-05-15")]
    public void MeetingDayRule_IsConfigurable(DayOfWeek? weekday, int day, string expected)
    {
        var rules = Rules(o =>
        {
            o.MeetingWeekday = weekday;
            o.MeetingDay = day;
        });

        Assert.Equal(D(expected), rules.MeetingIn(2026, 5).Date);
    }

    [Fact]
    public void MeetingMonths_AreConfigurable()
    {
        var rules = Rules(o => o.MeetingMonths = [3, 6, 9, 12]);

        Assert.Equal(12, rules.MeetingInQuarterOf(D("2026-10-01")).Date.Month);
        Assert.Equal(3, rules.MeetingInQuarterOf(D("2026-01-01")).Date.Month);
    }

    [Fact]
    public void ArrivalOnThe15HalfDate_IsFastTrack_DayBeforeIsOrdinary()
    {
        var rules = Rules();

        var onTheDay = rules.Schedule(D("2010-04-03"), D("2025-10-03"));
        var dayBefore = rules.Schedule(D("2010-04-03"), D("2025-10-02"));

        Assert.True(onTheDay.FastTrack);
        Assert.DoesNotContain(onTheDay.Milestones, m => m.Kind == MilestoneKind.Notice15Half);
        var fast = Single(onTheDay, MilestoneKind.FastTrack);
        Assert.True(fast.IsAction);
        Assert.Equal(D("2025-11-03"), fast.Date);
        Assert.False(dayBefore.FastTrack);
        Assert.Contains(dayBefore.Milestones, m => m.Kind == MilestoneKind.Notice15Half);
    }

    [Fact]
    public void LateArrival_AfterTheRegularInvitation_MovesToTheNextMeeting()
    {
        var schedule = Rules().Schedule(D("2010-04-03"), D("2026-05-01"));

        var meeting = Single(schedule, MilestoneKind.CafeMeeting);
        Assert.Equal(D("2026-08-19"), meeting.Date);
        Assert.Contains(MilestoneNote.MovedAfterArrival, meeting.Notes);
        Assert.Equal(D("2026-07-22"), Date(schedule, MilestoneKind.CafeInvitation));
        Assert.Equal(D("2026-06-01"), Date(schedule, MilestoneKind.FastTrack));
    }

    [Fact]
    public void LateArrival_InvitationOnTheArrivalDay_StillUsesThatMeeting()
    {
        var schedule = Rules().Schedule(D("2010-04-03"), D("2026-04-22"));

        Assert.Equal(D("2026-05-20"), Date(schedule, MilestoneKind.CafeMeeting));
        Assert.DoesNotContain(MilestoneNote.MovedAfterArrival, Single(schedule, MilestoneKind.CafeMeeting).Notes);
    }

    [Fact]
    public void LateArrival_AfterTheCoordinationDate_HoldsItAtTheFastTrackDeadline()
    {
        var schedule = Rules().Schedule(D("2010-04-03"), D("2027-06-10"));

        var coordination = Single(schedule, MilestoneKind.CoordinationMeeting);
        Assert.Equal(D("2027-07-10"), coordination.Date);
        Assert.Contains(MilestoneNote.MovedAfterArrival, coordination.Notes);
    }

    [Fact]
    public void VeryLateArrival_NoMeetingBefore18_SendsTheLetterAtOnce()
    {
        var schedule = Rules().Schedule(D("2010-04-03"), D("2028-02-01"));

        Assert.DoesNotContain(schedule.Milestones, m => m.Kind is MilestoneKind.CafeMeeting or MilestoneKind.CafeInvitation);
        var letter = Single(schedule, MilestoneKind.InformationLetter);
        Assert.Equal(D("2028-03-01"), letter.Date);
        Assert.Contains(MilestoneNote.NoCafeMeeting, letter.Notes);
        Assert.Null(schedule.CafeMeeting);
    }

    [Fact]
    public void FastTrackDeadline_NeverPassesThe18thBirthday()
    {
        var schedule = Rules().Schedule(D("2010-04-03"), D("2028-03-20"));

        Assert.Equal(D("2028-04-03"), Date(schedule, MilestoneKind.FastTrack));
    }

    [Theory]
    [InlineData("2026-11-24", "ligger i fremtiden")]
    [InlineData("1899-12-31", "for langt tilbage")]
    public void ValidateDateOfBirth_RejectsFutureAndAncientDates(string birth, string message)
    {
        Assert.Contains(message, TransitionRules.ValidateDateOfBirth(D(birth), D("2026-11-23")));
    }

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2008-02-29")]
    [InlineData("1900-01-01")]
    public void ValidateDateOfBirth_AcceptsTodayAndThePast(string birth)
    {
        Assert.Null(TransitionRules.ValidateDateOfBirth(D(birth), D("2026-11-23")));
    }

    [Theory]
    [InlineData("2010-04-02", "før fødselsdatoen")]
    [InlineData("2028-04-03", "fyldte 18 år den 3. april 2028")]
    public void ValidateArrival_RejectsBeforeBirthAndFrom18(string arrival, string message)
    {
        Assert.Contains(message, Rules().ValidateArrival(D("2010-04-03"), D(arrival)));
    }

    [Fact]
    public void ValidateArrival_DayBefore18_IsAccepted()
    {
        Assert.Null(Rules().ValidateArrival(D("2010-04-03"), D("2028-04-02")));
    }

    private static MilestoneDate Single(TransitionSchedule schedule, MilestoneKind kind) => Assert.Single(schedule.Milestones, m => m.Kind == kind);

    private static DateOnly Date(TransitionSchedule schedule, MilestoneKind kind) => Single(schedule, kind).Date;
}
