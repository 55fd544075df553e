namespace Portal.Governance;

/// <summary>
/// One section of /statistik: a table (always; it is also the screen-reader alternative and the CSV export) and
/// optionally a chart of the same figures. Register an implementation in DI to add a section; the page, the CSV
/// endpoint and the navigation pick it up (read-confirmation coverage plugs in this way).
/// </summary>
public interface IStatisticsSection
{
    /// <summary>URL-safe key: the section's anchor and its CSV file, /api/statistik/{Key}.csv.</summary>
    string Key { get; }

    /// <summary>Sections are shown in ascending order.</summary>
    int Order { get; }

    Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default);
}

/// <summary>A section's figures as the table shows them and the CSV holds them (Danish headers, text cells).</summary>
public sealed record StatisticsTable(string Title, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>What the figures are based on and what they cannot show, in plain Danish; shown under the title.</summary>
    public string? Note { get; init; }

    public StatisticsChart? Chart { get; init; }

    /// <summary>Shown instead of an empty table.</summary>
    public string EmptyText { get; init; } = "Der er ingen tal for perioden endnu.";
}

public enum StatisticsChartKind
{
    Bar,
    StackedBar,
}

/// <summary>A chart of a table's figures: one label per bar (group), one series per colour.</summary>
public sealed record StatisticsChart(StatisticsChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<StatisticsSeries> Series)
{
    /// <summary>A chart of nothing but zeros says less than the table's "no figures yet".</summary>
    public bool HasData => Series.Any(s => s.Values.Any(v => v != 0));
}

public sealed record StatisticsSeries(string Name, IReadOnlyList<double> Values);
