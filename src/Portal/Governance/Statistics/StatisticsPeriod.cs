using Portal.Content;

namespace Portal.Governance;

/// <summary>A calendar month in Danish time.</summary>
public readonly record struct StatisticsMonth(int Year, int Month) : IComparable<StatisticsMonth>
{
    public static StatisticsMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static StatisticsMonth Of(DateTimeOffset time) => Of(DateOnly.FromDateTime(DanishClock.ToDanish(time).DateTime));

    public DateOnly First => new(Year, Month, 1);

    public StatisticsMonth Next => Of(First.AddMonths(1));

    /// <summary>"2026-11": sorts, and Excel reads it as text rather than a date.</summary>
    public string Key => $"{Year:D4}-{Month:D2}";

    /// <summary>"november 2026".</summary>
    public string Label => First.ToString("MMMM yyyy", DanishFormat.Culture);

    /// <summary>"nov. 2026" for chart axes, where space is short.</summary>
    public string ShortLabel => First.ToString("MMM yy", DanishFormat.Culture);

    public int CompareTo(StatisticsMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
}

/// <summary>A calendar quarter in Danish time.</summary>
public readonly record struct StatisticsQuarter(int Year, int Quarter) : IComparable<StatisticsQuarter>
{
    public static StatisticsQuarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public static StatisticsQuarter Of(DateTimeOffset time) => Of(DateOnly.FromDateTime(DanishClock.ToDanish(time).DateTime));

    public DateOnly First => new(Year, (Quarter - 1) * 3 + 1, 1);

    public StatisticsQuarter Next => Of(First.AddMonths(3));

    /// <summary>"3. kvartal 2026".</summary>
    public string Label => $"{Quarter}. kvartal {Year}";

    /// <summary>"K3 2026" for chart axes.</summary>
    public string ShortLabel => $"K{Quarter} {Year}";

    public int CompareTo(StatisticsQuarter other) => (Year * 4 + Quarter).CompareTo(other.Year * 4 + other.Quarter);
}

/// <summary>
/// The span the statistics cover: the current quarter so far and the four full quarters before it, so every quarter
/// shown is whole except the running one, and the months table has the same span.
/// </summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public static StatisticsPeriod Ending(DateOnly today) => new(StatisticsQuarter.Of(today).First.AddMonths(-12), today);

    public static StatisticsPeriod Ending(TimeProvider clock) => Ending(clock.Today());

    /// <summary>The first instant of <see cref="From"/> and the first instant after <see cref="To"/>, Danish time.</summary>
    public DateTimeOffset Start => AsOfRule.StartOfDanishDay(From);

    public DateTimeOffset End => AsOfRule.StartOfDanishDay(To.AddDays(1));

    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    public IReadOnlyList<StatisticsMonth> Months
    {
        get
        {
            var months = new List<StatisticsMonth>();
            for (var m = StatisticsMonth.Of(From); m.CompareTo(StatisticsMonth.Of(To)) <= 0; m = m.Next)
            {
                months.Add(m);
            }
            return months;
        }
    }

    public IReadOnlyList<StatisticsQuarter> Quarters
    {
        get
        {
            var quarters = new List<StatisticsQuarter>();
            for (var q = StatisticsQuarter.Of(From); q.CompareTo(StatisticsQuarter.Of(To)) <= 0; q = q.Next)
            {
                quarters.Add(q);
            }
            return quarters;
        }
    }

    /// <summary>"1. oktober 2025 – 2. december 2026".</summary>
    public string Label => $"{DanishFormat.Date(From)} – {DanishFormat.Date(To)}";
}
