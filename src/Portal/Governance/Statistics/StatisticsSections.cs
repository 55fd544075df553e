using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Letters;

namespace Portal.Governance;

/// <summary>Letters and decisions produced per template and month.</summary>
public sealed class LettersPerTemplateSection(StatisticsSource source, LetterCatalog catalog) : IStatisticsSection
{
    public string Key => "breve";
    public int Order => 10;

    public async Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var facts = await source.LettersAsync(period, cancellationToken);
        var set = catalog.Current;
        var rows = LetterStatistics.PerTemplateAndMonth(facts, period)
            .Select(r => (IReadOnlyList<string>)[r.Month.Label, set.Find(r.Template)?.Title ?? r.Template, StatisticsText.Number(r.Count)])
            .ToList();
        var months = period.Months;
        var byArea = LetterStatistics.PerAreaAndMonth(facts, period);
        var series = byArea.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new StatisticsSeries(LetterStatistics.AreaLabel(a.Key), a.Value.Select(v => (double)v).ToList()))
            .ToList();
        return new StatisticsTable("Breve og afgørelser pr. skabelon og måned",
            $"Dannede breve og afgørelser pr. skabelon og måned, {period.Label}",
            ["Måned", "Skabelon", "Antal"], rows)
        {
            Note = "Hver gang et brev hentes som Word eller PDF, udskrives eller dannes via API'et, tælles det én gang. Portalen gemmer ikke, hvem brevet handler om.",
            Chart = new StatisticsChart(StatisticsChartKind.StackedBar, months.Select(m => m.ShortLabel).ToList(), series),
        };
    }
}

/// <summary>Refusals against grants per area and main paragraph.</summary>
public sealed class DecisionsPerParagraphSection(StatisticsSource source) : IStatisticsSection
{
    public string Key => "afgoerelser";
    public int Order => 20;

    public async Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = LetterStatistics.DecisionsByParagraph(await source.LettersAsync(period, cancellationToken), period);
        var labels = rows.Select(r => $"{r.Paragraph} ({LetterStatistics.AreaLabel(r.Area).ToLower(DanishFormat.Culture)})").ToList();
        return new StatisticsTable("Afslag og bevillinger pr. paragraf",
            $"Afgørelser pr. område og paragraf: afslag, delvise bevillinger og bevillinger, {period.Label}",
            ["Område", "Paragraf", "Afslag", "Delvis bevilling", "Bevilling", "I alt"],
            rows.Select(r => (IReadOnlyList<string>)[LetterStatistics.AreaLabel(r.Area), r.Paragraph,
                StatisticsText.Number(r.Refusals), StatisticsText.Number(r.PartialGrants), StatisticsText.Number(r.Grants), StatisticsText.Number(r.Total)]).ToList())
        {
            Note = "Paragraffen er den første i skabelonens lovgrundlag. Afgørelsestypen og paragraffen er skabelonens, som de var, da afgørelsen blev dannet (for afgørelser fra før december 2026: skabelonens nuværende).",
            Chart = new StatisticsChart(StatisticsChartKind.StackedBar, labels,
            [
                new("Afslag", rows.Select(r => (double)r.Refusals).ToList()),
                new("Delvis bevilling", rows.Select(r => (double)r.PartialGrants).ToList()),
                new("Bevilling", rows.Select(r => (double)r.Grants).ToList()),
            ]),
        };
    }
}

/// <summary>Genvurderinger per month and how many the municipality upheld.</summary>
public sealed class ReappraisalSection(StatisticsSource source, IOptions<StatisticsOptions> options) : IStatisticsSection
{
    public string Key => "genvurderinger";
    public int Order => 30;

    public async Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = LetterStatistics.Reappraisals(await source.LettersAsync(period, cancellationToken), period, options.Value);
        var chronological = rows.Reverse().ToList();
        return new StatisticsTable("Genvurderinger",
            $"Genvurderinger pr. måned: fastholdt (sendt videre til Ankestyrelsen) og medhold (ny afgørelse), {period.Label}",
            ["Måned", "Genvurderinger", "Fastholdt", "Medhold"],
            rows.Where(r => r.Total > 0)
                .Select(r => (IReadOnlyList<string>)[r.Month.Label, StatisticsText.Number(r.Total), StatisticsText.Number(r.Upheld), StatisticsText.Number(r.Medhold)]).ToList())
        {
            Note = "Talt ud fra brevene: 'Genvurdering – vi fastholder afgørelsen' tæller som fastholdt, 'Ny afgørelse efter genvurdering – medhold' som medhold. Ved delvist medhold sendes ofte begge, og sagen tælles da i begge kolonner.",
            Chart = new StatisticsChart(StatisticsChartKind.StackedBar, chronological.Select(r => r.Month.ShortLabel).ToList(),
            [
                new("Fastholdt", chronological.Select(r => (double)r.Upheld).ToList()),
                new("Medhold", chronological.Select(r => (double)r.Medhold).ToList()),
            ]),
        };
    }
}

/// <summary>Cases worked out in Den Gode Overgang per quarter.</summary>
public sealed class TransitionSection(StatisticsSource source) : IStatisticsSection
{
    public string Key => "overgang";
    public int Order => 40;

    public async Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = TransitionStatistics.PerQuarter(await source.TransitionPlansAsync(period, cancellationToken), period);
        var chronological = rows.Reverse().ToList();
        return new StatisticsTable("Sager i Den Gode Overgang",
            $"Sager beregnet i Den Gode Overgangs planlægger og sagsliste pr. kvartal, {period.Label}",
            ["Kvartal", "Sager"],
            rows.Where(r => r.Cases > 0).Select(r => (IReadOnlyList<string>)[r.Quarter.Label, StatisticsText.Number(r.Cases)]).ToList())
        {
            Note = "Portalen tæller fra december 2026 hver ung, der får beregnet sine milepæle (én gang pr. fødselsdato i planlæggeren og hver række i en indlæst sagsliste). Hverken fødselsdato, navn eller sagsnummer gemmes.",
            Chart = new StatisticsChart(StatisticsChartKind.Bar, chronological.Select(r => r.Quarter.ShortLabel).ToList(),
                [new("Sager", chronological.Select(r => (double)r.Cases).ToList())]),
        };
    }
}

/// <summary>Reviews on time against late per tovholder, with what each has overdue now.</summary>
public sealed class ReviewSection(StatisticsSource source, ContentCatalog content, TimeProvider clock, ContentOptions options) : IStatisticsSection
{
    public string Key => "revision";
    public int Order => 50;

    public async Task<StatisticsTable> BuildAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = ReviewTimeliness.PerOwner(await source.ReviewsAsync(period, cancellationToken), content.Current, period, clock.Today(), options.ReviewSoonDays);
        return new StatisticsTable("Revision til tiden pr. tovholder",
            $"Dokumenter gennemgået til tiden og for sent pr. tovholder, {period.Label}, og dokumenter med overskredet revisionsdato i dag",
            ["Tovholder", "Til tiden", "For sent", "Gennemgået i alt", "Overskredet nu"],
            rows.Select(r => (IReadOnlyList<string>)[r.Owner, StatisticsText.Number(r.OnTime), StatisticsText.Number(r.Late), StatisticsText.Number(r.Reviewed), StatisticsText.Number(r.OverdueNow)]).ToList())
        {
            Note = "Til tiden: markeret som gennemgået senest på revisionsdatoen. Tovholderen er dokumentets nuværende.",
            Chart = new StatisticsChart(StatisticsChartKind.StackedBar, rows.Select(r => r.Owner).ToList(),
            [
                new("Til tiden", rows.Select(r => (double)r.OnTime).ToList()),
                new("For sent", rows.Select(r => (double)r.Late).ToList()),
            ]),
        };
    }
}

public static class StatisticsText
{
    /// <summary>Whole numbers without thousands separators: Danish Excel reads them as numbers either way.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
