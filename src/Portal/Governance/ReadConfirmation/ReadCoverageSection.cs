using System.Globalization;
using Portal.Content;

namespace Portal.Governance;

/// <summary>
/// /statistik's read-confirmation coverage (issue 17 §5): for each document whose newest material change was marked
/// in the period, how many of those who must read it have confirmed. Counts only: who has not read it is on
/// /laesebekraeftelser, for those who may chase it.
/// </summary>
public sealed class ReadCoverageSection(ReadConfirmationService reads) : IStatisticsSection
{
    public string Key => "laesebekraeftelser";
    public int Order => 60;

    public async Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var coverage = (await reads.CoverageAsync(null, cancellationToken))
            .Where(c => period.Contains(c.Latest.MarkedAt))
            .OrderBy(c => c.Latest.MarkedAt)
            .ToList();
        var rows = coverage.Select(c => (IReadOnlyList<string>)
        [
            c.Title,
            StatisticsText.Number(c.Latest.VersionNumber),
            DanishFormat.Date(c.Latest.MarkedAt),
            c.Latest.Audience.Label,
            StatisticsText.Number(c.Confirmed),
            StatisticsText.Number(c.Total),
            Percent(c.Confirmed, c.Total),
        ]).ToList();
        return new StatisticsTable("Læsebekræftelser af væsentlige ændringer",
            $"Væsentlige ændringer og hvor mange af dem, der skal læse dem, der har bekræftet, {period.Label}",
            ["Dokument", "Version", "Markeret", "Skal læses af", "Bekræftet", "Skal læse", "Dækning"], rows)
        {
            Note = "Kun antal: hvem der mangler, ser koordinatorer og tovholderen under Læsebekræftelser. \"Skal læse\" er de brugere, portalen kender (Governance:ReadConfirmation:Readers).",
            Chart = new StatisticsChart(StatisticsChartKind.StackedBar, coverage.Select(c => c.Title).ToList(),
            [
                new("Bekræftet", coverage.Select(c => (double)c.Confirmed).ToList()),
                new("Mangler", coverage.Select(c => (double)(c.Total - c.Confirmed)).ToList()),
            ]),
            EmptyText = "Ingen ændringer er markeret som væsentlige i perioden.",
        };
    }

    /// <summary>Whole per cent, rounded down so 99.6 % is never shown as everyone; nobody to read shows a dash.</summary>
    public static string Percent(int confirmed, int total) =>
        total == 0 ? "–" : (confirmed * 100 / total).ToString(CultureInfo.InvariantCulture) + " %";
}
