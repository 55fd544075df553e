using Portal.Audit;
using Portal.Governance;
using Portal.Letters;

namespace Portal.Tests.Governance.Statistics;

public class LetterStatisticsTests
{
    private const string ChildRefusal = "skabeloner/afgoerelser/boern/afslag-merudgifter";
    private const string ChildGrant = "skabeloner/afgoerelser/boern/bevilling-merudgifter";
    private const string Upheld = "skabeloner/breve/genvurdering-fastholdt";
    private const string MedholdAdults = "skabeloner/afgoerelser/voksne/genvurdering-medhold";
    private static readonly StatisticsPeriod s_period = StatisticsPeriod.Ending(new DateOnly(2026, 12, 2));

    private static DateTimeOffset Noon(int year, int month, int day) => new(year, month, day, 11, 0, 0, TimeSpan.Zero);

    private static LetterFact Fact(DateTimeOffset at, string template, string? outcome, string area = "børn", string? paragraph = "Barnets Lov § 86") =>
        new(at, template, new LetterClassification(outcome, area, paragraph));

    [Fact]
    public void PerTemplateAndMonth_CountsEachTemplateInEachMonth_NewestFirst_AndLeavesOutsideThePeriod()
    {
        LetterFact[] facts =
        [
            Fact(Noon(2026, 11, 3), ChildRefusal, "afslag"),
            Fact(Noon(2026, 11, 20), ChildRefusal, "afslag"),
            Fact(Noon(2026, 11, 21), ChildGrant, "bevilling"),
            Fact(Noon(2026, 10, 1), ChildRefusal, "afslag"),
            Fact(Noon(2025, 9, 1), ChildRefusal, "afslag"),
        ];

        var rows = LetterStatistics.PerTemplateAndMonth(facts, s_period);

        Assert.Equal(
            [(new StatisticsMonth(2026, 11), ChildRefusal, 2), (new StatisticsMonth(2026, 11), ChildGrant, 1), (new StatisticsMonth(2026, 10), ChildRefusal, 1)],
            rows.Select(r => (r.Month, r.Template, r.Count)));
    }

    [Fact]
    public void DecisionsByParagraph_SplitsRefusalsPartialAndGrants_PerAreaAndParagraph_ChildrenFirst()
    {
        LetterFact[] facts =
        [
            Fact(Noon(2026, 11, 3), ChildRefusal, "afslag"),
            Fact(Noon(2026, 11, 4), ChildRefusal, "afslag"),
            Fact(Noon(2026, 11, 5), ChildGrant, "bevilling"),
            Fact(Noon(2026, 11, 5), "x", "delvis bevilling"),
            Fact(Noon(2026, 11, 6), "y", "afslag", "voksen", "Serviceloven § 100"),
            Fact(Noon(2026, 11, 6), "z", "bevilling", "børn", "Barnets Lov § 9"),
            Fact(Noon(2026, 11, 7), MedholdAdults, "andet", "voksen", "Serviceloven § 1"),
            Fact(Noon(2026, 11, 7), "brev", null),
        ];

        var rows = LetterStatistics.DecisionsByParagraph(facts, s_period);

        Assert.Equal(
            [("børn", "Barnets Lov § 9", 0, 0, 1), ("børn", "Barnets Lov § 86", 2, 1, 1), ("voksen", "Serviceloven § 100", 1, 0, 0)],
            rows.Select(r => (r.Area, r.Paragraph, r.Refusals, r.PartialGrants, r.Grants)));
        Assert.Equal(4, rows[1].Total);
    }

    [Fact]
    public void Reappraisals_CountUpheldAndMedhold_PerMonth_WithARowForEveryMonth()
    {
        LetterFact[] facts =
        [
            Fact(Noon(2026, 11, 3), Upheld, null, "fælles"),
            Fact(Noon(2026, 11, 4), Upheld, null, "fælles"),
            Fact(Noon(2026, 11, 5), MedholdAdults, "andet", "voksen"),
            Fact(Noon(2026, 10, 5), "skabeloner/afgoerelser/boern/genvurdering-medhold", "andet"),
            Fact(Noon(2026, 11, 6), "skabeloner/breve/genvurderingsnotat", null, "fælles"),
        ];

        var rows = LetterStatistics.Reappraisals(facts, s_period, StatisticsOptions.Defaults());

        Assert.Equal(s_period.Months.Count, rows.Count);
        Assert.Equal((new StatisticsMonth(2026, 11), 3, 2, 1), (rows[1].Month, rows[1].Total, rows[1].Upheld, rows[1].Medhold));
        Assert.Equal((new StatisticsMonth(2026, 10), 1, 0, 1), (rows[2].Month, rows[2].Total, rows[2].Upheld, rows[2].Medhold));
        Assert.Equal(0, rows[0].Total);
    }

    [Fact]
    public void LetterFact_UsesTheClassificationRecordedThen_NotTheTemplateNow()
    {
        var entry = new AuditEntry
        {
            At = Noon(2026, 11, 3),
            User = "x",
            Action = AuditActions.LetterGenerated,
            Target = ChildRefusal,
            Details = """{"template":"x","version":3,"outcome":"afslag","area":"børn","paragraph":"Barnets Lov § 86"}""",
        };
        var lookedUp = false;

        var fact = LetterFact.From(entry, _ => { lookedUp = true; return null; });

        Assert.Equal(new LetterClassification("afslag", "børn", "Barnets Lov § 86"), fact.Classification);
        Assert.False(lookedUp);
    }

    [Fact]
    public void LetterFact_BeforeTheClassificationWasRecorded_AndTemplateGone_CountsAsUnknown()
    {
        var entry = new AuditEntry { At = Noon(2026, 11, 3), User = "x", Action = AuditActions.LetterGenerated, Target = "skabeloner/slettet", Details = """{"version":1}""" };

        var fact = LetterFact.From(entry, _ => null);

        Assert.Equal(new LetterClassification(null, "", null), fact.Classification);
        Assert.Equal("Ukendt", LetterStatistics.AreaLabel(fact.Classification.Area));
    }
}
