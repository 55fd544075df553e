using Portal.Letters;

namespace Portal.Tests.Letters;

/// <summary>Klagefrist per channel (RSL § 67; Ankestyrelsen: Digital Post same day, ordinary post 6 hverdage), moved off closing days.</summary>
public class ComplaintPeriodTests
{
    private static readonly LetterKit s_kit = new();

    private static ComplaintPeriod Compute(string sent, DeliveryChannel channel) => s_kit.Rules.Deadlines.Compute(DateOnly.Parse(sent), channel);

    [Theory]
    [InlineData("2026-11-24", "2026-12-22")] // ordinary Tuesday
    [InlineData("2026-10-03", "2026-11-02")] // four weeks ends on a Saturday
    [InlineData("2027-02-25", "2027-03-30")] // skærtorsdag, langfredag, Easter weekend, 2. påskedag
    [InlineData("2027-04-08", "2027-05-07")] // Kristi himmelfartsdag
    [InlineData("2027-04-19", "2027-05-18")] // 2. pinsedag
    [InlineData("2026-11-27", "2026-12-28")] // juledag, 2. juledag, Sunday
    [InlineData("2026-12-03", "2027-01-04")] // nytårsaftensdag, nytårsdag, weekend
    public void DigitalPost_ReceivedTheSameDay_DeadlineMovesOffClosingDays(string sent, string deadline)
    {
        var period = Compute(sent, DeliveryChannel.DigitalPost);

        Assert.Equal(DateOnly.Parse(sent), period.ReceivedDate);
        Assert.Equal(DateOnly.Parse(deadline), period.Deadline);
    }

    [Theory]
    [InlineData("2026-11-24", "2026-12-02", "2026-12-30")]
    [InlineData("2026-12-21", "2027-01-04", "2027-02-01")] // Christmas and New Year are not hverdage
    [InlineData("2026-11-19", "2026-11-27", "2026-12-28")] // received on a Friday; deadline on juledag moves
    public void OrdinaryPost_ReceivedSixWorkingDaysLater(string sent, string received, string deadline)
    {
        var period = Compute(sent, DeliveryChannel.OrdinaryPost);

        Assert.Equal(DateOnly.Parse(received), period.ReceivedDate);
        Assert.Equal(DateOnly.Parse(deadline), period.Deadline);
    }

    [Fact]
    public void Explanation_SaysHowTheDateWasComputed()
    {
        var period = Compute("2026-11-27", DeliveryChannel.OrdinaryPost);

        Assert.Contains("almindelig post", period.Explanation);
        Assert.Contains("6 hverdage", period.Explanation);
        Assert.Contains(Portal.Content.DanishFormat.Date(period.Deadline), period.Explanation);
        Assert.Contains("Digital Post", Compute("2026-11-24", DeliveryChannel.DigitalPost).Explanation);
        Assert.Contains("juledag", Compute("2026-11-27", DeliveryChannel.DigitalPost).Explanation);
    }
}
