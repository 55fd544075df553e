using Portal.Governance;

namespace Portal.Tests.Governance;

public class AsOfRuleTests
{
    private static readonly PublishedVersion[] s_versions =
    [
        new(1, new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero), "A", null),
        // 00:30 Danish summer time on 1 June is 22:30 UTC on 31 May.
        new(3, new DateTimeOffset(2025, 5, 31, 22, 30, 0, TimeSpan.Zero), "B", null),
        // 23:59 Danish time on 1 June.
        new(4, new DateTimeOffset(2025, 6, 1, 21, 59, 0, TimeSpan.Zero), "C", null),
        // Midnight Danish time: 2 June.
        new(5, new DateTimeOffset(2025, 6, 1, 22, 0, 0, TimeSpan.Zero), "D", null),
    ];

    [Theory]
    [InlineData(2025, 3, 9, null)]
    [InlineData(2025, 3, 10, 1)]
    [InlineData(2025, 5, 31, 1)]
    [InlineData(2025, 6, 1, 4)]
    [InlineData(2025, 6, 2, 5)]
    [InlineData(2030, 1, 1, 5)]
    public void InForceOn_TakesTheLastVersionPublishedBeforeTheDanishDayEnds(int year, int month, int day, int? expected)
    {
        var version = AsOfRule.InForceOn(s_versions, new DateOnly(year, month, day));

        Assert.Equal(expected, version?.Number);
    }

    [Fact]
    public void InForceOn_WinterTime_UsesTheWinterOffset()
    {
        // 23:30 UTC on 14 January is 00:30 Danish time on 15 January.
        var versions = new[] { new PublishedVersion(2, new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero), "A", null) };

        Assert.Null(AsOfRule.InForceOn(versions, new DateOnly(2026, 1, 14)));
        Assert.Equal(2, AsOfRule.InForceOn(versions, new DateOnly(2026, 1, 15))?.Number);
    }

    [Theory]
    [InlineData("2025-06-01", true)]
    [InlineData(" 2025-06-01 ", true)]
    [InlineData("01-06-2025", false)]
    [InlineData("2025-02-30", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParseDate_AcceptsOnlyIsoDates(string? text, bool ok) => Assert.Equal(ok, AsOfRule.TryParseDate(text, out _));
}
