using Portal.Governance;

namespace Portal.Tests.Governance.Statistics;

public class StatisticsPeriodTests
{
    [Fact]
    public void Ending_CoversTheRunningQuarterAndTheFourBefore()
    {
        var period = StatisticsPeriod.Ending(new DateOnly(2026, 12, 2));

        Assert.Equal(new DateOnly(2025, 10, 1), period.From);
        Assert.Equal(new DateOnly(2026, 12, 2), period.To);
        Assert.Equal(15, period.Months.Count);
        Assert.Equal(new StatisticsMonth(2025, 10), period.Months[0]);
        Assert.Equal(new StatisticsMonth(2026, 12), period.Months[^1]);
        Assert.Equal([new(2025, 4), new(2026, 1), new(2026, 2), new(2026, 3), new(2026, 4)], period.Quarters);
    }

    [Fact]
    public void Ending_OnTheFirstDayOfAQuarter_StartsFourQuartersBack()
    {
        var period = StatisticsPeriod.Ending(new DateOnly(2026, 1, 1));

        Assert.Equal(new DateOnly(2025, 1, 1), period.From);
        Assert.Equal(13, period.Months.Count);
    }

    [Fact]
    public void Month_IsTheDanishCalendarMonth_NotTheUtcOne()
    {
        // 23:30 UTC on 31 October is 00:30 on 1 November in Copenhagen (CET, after the change back from summer time).
        var lateOctoberUtc = new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero);
        // 22:30 UTC on 31 March is 00:30 on 1 April (CEST): the next quarter.
        var endOfMarchUtc = new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new StatisticsMonth(2026, 11), StatisticsMonth.Of(lateOctoberUtc));
        Assert.Equal(new StatisticsQuarter(2026, 2), StatisticsQuarter.Of(endOfMarchUtc));
        Assert.Equal(new StatisticsQuarter(2026, 1), StatisticsQuarter.Of(endOfMarchUtc.AddHours(-1)));
    }

    [Fact]
    public void Contains_EndsAtTheEndOfTheDanishDay()
    {
        var period = StatisticsPeriod.Ending(new DateOnly(2026, 12, 2));

        Assert.True(period.Contains(new DateTimeOffset(2026, 12, 2, 22, 59, 0, TimeSpan.Zero)));
        Assert.False(period.Contains(new DateTimeOffset(2026, 12, 2, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(period.Contains(new DateTimeOffset(2025, 9, 30, 22, 0, 0, TimeSpan.Zero)));
        Assert.False(period.Contains(new DateTimeOffset(2025, 9, 30, 21, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Labels_AreDanish()
    {
        Assert.Equal("november 2026", new StatisticsMonth(2026, 11).Label);
        Assert.Equal("3. kvartal 2026", new StatisticsQuarter(2026, 3).Label);
        Assert.Equal("K3 2026", new StatisticsQuarter(2026, 3).ShortLabel);
    }
}
