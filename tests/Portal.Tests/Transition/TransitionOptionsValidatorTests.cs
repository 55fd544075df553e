using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class TransitionOptionsValidatorTests
{
    [Fact]
    public void ShippedConfiguration_IsValid()
    {
        Assert.Empty(TransitionOptionsValidator.Check(Shipped()));
    }

    [Fact]
    public void TwoMeetingMonthsInOneQuarter_IsRejected()
    {
        var errors = TransitionOptionsValidator.Check(Shipped(o => o.MeetingMonths = [1, 2, 8, 11]));

        Assert.Contains(errors, e => e.Contains("præcis én mødemåned i hvert kvartal"));
    }

    [Fact]
    public void MeetingDayThatCanSpillIntoNextMonth_IsRejected()
    {
        var errors = TransitionOptionsValidator.Check(Shipped(o => o.MeetingDay = 25));

        Assert.Contains(errors, e => e.Contains("MeetingDay skal være mellem 1 og 22"));
    }

    [Fact]
    public void FixedDateOutsideAMeetingMonth_IsRejected()
    {
        var errors = TransitionOptionsValidator.Check(Shipped(o => o.MeetingDates = [D("2026-03-04")]));

        Assert.Contains(errors, e => e.Contains("2026-03-04 ligger ikke i en mødemåned"));
    }

    [Fact]
    public void UnknownPlaceholderInARule_IsNamed()
    {
        var errors = TransitionOptionsValidator.Check(Shipped(o => o.Milestones["Adult18"].Rule = "Regel: {fylder81}"));

        Assert.Contains(errors, e => e.Contains("Milestones:Adult18") && e.Contains("{fylder81}"));
    }

    [Fact]
    public void MissingTextsAndUnit_AreRejected()
    {
        var errors = TransitionOptionsValidator.Check(Shipped(o =>
        {
            o.Milestones.Remove("CafeMeeting");
            o.Notes.Remove("LeapDay");
            o.NoticeUnit = " ";
        })).ToList();

        Assert.Contains(errors, e => e.Contains("Milestones:CafeMeeting skal have Title og Rule"));
        Assert.Contains(errors, e => e.Contains("Notes:LeapDay mangler"));
        Assert.Contains(errors, e => e.Contains("NoticeUnit mangler"));
    }
}
