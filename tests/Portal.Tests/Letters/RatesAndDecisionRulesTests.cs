using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>satser.yml and the sats function; partshøring and kompensationsydelse rules; the fixed errors in the shipped decisions.</summary>
public class RatesAndDecisionRulesTests
{
    private static readonly LetterKit s_kit = new();
    private static readonly DateOnly SendDate = new(2026, 11, 30);
    private static readonly Lazy<LoadedContent> s_shipped = new(() =>
    {
        using var dir = TestContentDirectory.FromRepository();
        return s_kit.Load(dir.Path);
    });

    private static RateTable Rates(string yaml, List<ContentIssue> issues, DateOnly? today = null)
    {
        using var dir = TestContentDirectory.FromFixture();
        dir.Write(RateTable.FileName, yaml);
        return RateTable.Load(dir.Path, today ?? new DateOnly(2026, 11, 23), issues);
    }

    private const string OneRate = """
        tovholder: jurist-social
        revideres: 2027-01-15
        satser:
          - nøgle: prøve
            navn: Prøvesats
            perioder:
              - beløb: 1105
                fra: 2025-09-01
                til: 2025-12-31
              - beløb: 1200
                fra: 2026-01-01
                til: 2026-12-31
        """;

    [Fact]
    public void Sats_GivesTheAmountValidOnTheLetterDate_AndADanishErrorOutsideThePeriods()
    {
        var table = Rates(OneRate, []);

        Assert.Equal(1105m, new RateLookup(table, new DateOnly(2025, 12, 31)).Get("prøve"));
        Assert.Equal(1200m, new RateLookup(table, new DateOnly(2026, 1, 1)).Get("prøve"));
        var error = Assert.Throws<ArgumentException>(() => new RateLookup(table, new DateOnly(2027, 1, 4)).Get("prøve"));
        Assert.Contains("Der er ingen sats for 'Prøvesats' på brevets dato 4. januar 2027", error.Message);
        Assert.Contains("findes ikke", Assert.Throws<ArgumentException>(() => new RateLookup(table, SendDate).Get("ukendt")).Message);
    }

    [Theory]
    [InlineData("beløb: 1.105", "'beløb' skal være et tal")]
    [InlineData("fra: 1. januar 2026", "'fra' og 'til' skal være datoer")]
    [InlineData("til: 2025-01-01", "slutter")]
    public void MalformedRate_IsAContentError(string replacement, string message)
    {
        var key = replacement.Split(':')[0];
        var yaml = new System.Text.RegularExpressions.Regex($@"(?m)^(\s*-?\s*){key}:.*$").Replace(OneRate, m => m.Groups[1].Value + replacement, 1);
        var issues = new List<ContentIssue>();
        Rates(yaml, issues);

        Assert.Contains(issues, i => i.Severity == IssueSeverity.Error && i.File == RateTable.FileName && i.Message.Contains(message));
    }

    [Fact]
    public void OverdueAndUnverifiedRates_AreWarnings()
    {
        var issues = new List<ContentIssue>();
        Rates(OneRate.Replace("til: 2026-12-31", "til: 2026-12-31\n        verificeret: false"), issues, today: new DateOnly(2027, 2, 1));

        Assert.Contains(issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("skulle have været gennemgået"));
        Assert.Contains(issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("ikke verificeret"));
    }

    [Fact]
    public void ShippedRates_HaveNoErrors_AndThe2025LevelsFromTheLaw()
    {
        var issues = new List<ContentIssue>();
        var table = RateTable.Load(RepositoryPaths.Content, new DateOnly(2026, 11, 23), issues);
        var at = new DateOnly(2025, 10, 1);

        Assert.DoesNotContain(issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(1105m, table.Find("kompensationsydelse-gruppe1-standardbeloeb")!.ValidOn(at)!.Amount);
        Assert.Equal(555m, table.Find("kompensationsydelse-minimum-maaned")!.ValidOn(at)!.Amount);
        Assert.Equal(2000m, table.Find("kompensationsydelse-gruppe2-taerskel-maaned")!.ValidOn(at)!.Amount);
        Assert.Equal(500m, table.Find("kompensationsydelse-gruppe2-standardbeloeb")!.ValidOn(at)!.Amount);
        Assert.True(table.Find("kompensationsydelse-gruppe1-standardbeloeb")!.ValidOn(at)!.Verified);
    }

    [Fact]
    public void EveryDecisionSample_UsesTheAmountsOfTheRateTable_AndNoTemplateTypesARate()
    {
        var content = s_shipped.Value;
        var table = RateTable.Load(RepositoryPaths.Content, new DateOnly(2026, 11, 23), []);
        var used = 0;
        foreach (var template in content.Templates.Templates.Where(t => t.Kind == TemplateKind.Decision))
        {
            var result = s_kit.Generate(content.Templates, template.Slug, template.Example, SendDate);
            Assert.True(result.IsValid, template.Slug + ": " + string.Join(" ", result.Errors.Select(e => e.Message)));
            foreach (var (rate, period) in result.RatesUsed)
            {
                Assert.Equal(table.Find(rate.Key)!.ValidOn(SendDate)!.Amount, period.Amount);
                used++;
            }
            Assert.False(result.IsFinal, template.Slug);
        }
        Assert.True(used > 0);
        Assert.DoesNotContain(content.Snapshot.Issues, i => i.Message.Contains("som tekst, men det er en sats"));
    }

    [Fact]
    public void TemplateWithARateAsText_IsFlagged()
    {
        using var dir = LetterKit.FixtureContent();
        dir.Write(RateTable.FileName, OneRate);
        dir.Write("skabeloner/breve/beloeb-test.md", "---\ntitel: Beløb\ntype: brev\nområde: fælles\ntovholder: koordinator-boern\nrevideres: 2027-06-30\nmodtagere: kopi\n---\n# Brev\n\nDu får 1.105 kr. om måneden.\n");
        var content = s_kit.Load(dir.Path);

        Assert.Contains(content.Snapshot.Issues, i => i.File == "skabeloner/breve/beloeb-test.md" && i.Severity == IssueSeverity.Warning && i.Message.Contains("sats"));
    }

    private static LetterResult Shipped(string slug, Action<Dictionary<string, object?>> change)
    {
        var template = s_shipped.Value.Templates.Find("skabeloner/" + slug)!;
        var fields = new Dictionary<string, object?>(template.Example, StringComparer.OrdinalIgnoreCase);
        change(fields);
        return s_kit.Generate(s_shipped.Value.Templates, template.Slug, fields, SendDate);
    }

    [Theory]
    [InlineData("Partshørt", "partshoering_dato", "partshoering_dato")]
    [InlineData("Partshørt", "partshoering_emne", "partshoering_emne")]
    [InlineData("Ikke nødvendig", "partshoering_grund", "partshoering_grund")]
    [InlineData(null, "partshoering", "partshoering")]
    public void Partshoering_IsRequired_WithDateAndSubject_OrAReason(string? choice, string cleared, string errorField)
    {
        var result = Shipped("afgoerelser/voksne/afslag-ledsageordning", f =>
        {
            f["partshoering"] = choice;
            f["partshoering_grund"] = choice == "Ikke nødvendig" ? null : f.GetValueOrDefault("partshoering_grund");
            f[cleared] = null;
        });

        Assert.Contains(result.Errors, e => e.Field == errorField);
    }

    [Fact]
    public void EveryDecision_StatesThePartshoering()
    {
        foreach (var template in s_shipped.Value.Templates.Templates.Where(t => t.Kind == TemplateKind.Decision))
        {
            var markdown = s_kit.Generate(s_shipped.Value.Templates, template.Slug, template.Example, SendDate).Letters[0].Markdown;
            Assert.Contains("forvaltningslovens § 19", markdown);
        }
    }

    [Fact]
    public void Klagevejledning_MatchesTheChannel()
    {
        var digital = Shipped("afgoerelser/voksne/afslag-ledsageordning", f => f["forsendelse"] = "Digital Post");
        var post = Shipped("afgoerelser/voksne/afslag-ledsageordning", f => f["forsendelse"] = "Almindelig post");

        Assert.Contains("med Digital Post", digital.Letters[0].Markdown);
        Assert.Contains("6 hverdage senere, den 8. december 2026", post.Letters[0].Markdown);
        Assert.Contains("5. januar 2027", post.Letters[0].Markdown); // 8 December + 4 weeks
        Assert.Equal(new DateOnly(2026, 12, 28), digital.Context.ComplaintDeadline); // 28 December 2026 is a Monday
    }

    [Theory]
    [InlineData("afgoerelser/boern/delvis-bevilling-merudgifter")]
    [InlineData("afgoerelser/voksne/delvis-bevilling-merudgifter")]
    public void PartialGrant_OnlyUnderGruppeII_AndTheSampleIsAboveTheThreshold(string slug)
    {
        var template = s_shipped.Value.Templates.Find("skabeloner/" + slug)!;

        Assert.Equal(["gruppe II"], template.Field("gruppe")!.Options);
        Assert.True(decimal.Parse((string)template.Example["godkendte_udgifter_maaned"]!, System.Globalization.CultureInfo.InvariantCulture) > 2000m);
        Assert.Contains(Shipped(slug, f => f["godkendte_udgifter_maaned"] = "1600").Errors, e => e.Field == "godkendte_udgifter_maaned" && e.Message.Contains("over 2.000,00 kr."));
    }

    [Fact]
    public void Grant_GruppeI_IsTheStandardAmount_GruppeII_IsExpensesPlusStandard()
    {
        var one = Shipped("afgoerelser/boern/bevilling-merudgifter", f => f["gruppe"] = "gruppe I");
        var two = Shipped("afgoerelser/boern/bevilling-merudgifter", f => { f["gruppe"] = "gruppe II"; f["godkendte_udgifter_maaned"] = "2600"; });

        Assert.Contains("1.105,00 kr.", one.Letters[0].Markdown);
        Assert.Contains("3.100,00 kr.", two.Letters[0].Markdown);
        Assert.Contains(Shipped("afgoerelser/boern/bevilling-merudgifter", f => { f["gruppe"] = "gruppe I"; f["godkendte_udgifter_maaned"] = "900"; }).Errors, e => e.Field == "godkendte_udgifter_maaned");
    }

    [Theory]
    [InlineData("afgoerelser/boern/afslag-merudgifter")]
    [InlineData("afgoerelser/voksne/afslag-merudgifter")]
    public void RefusalUnderGruppeII_SaysWhetherGruppeICouldApply(string slug)
    {
        Assert.Contains(Shipped(slug, f => { f["gruppe"] = "gruppe II"; f["gruppe1_vurdering"] = null; }).Errors, e => e.Field == "gruppe1_vurdering");
        var markdown = Shipped(slug, f => { f["gruppe"] = "gruppe II"; f["gruppe1_vurdering"] = "Gruppe I kan komme på tale"; }).Letters[0].Markdown;
        Assert.Contains("Kan du få kompensationsydelse efter gruppe I?", markdown);
        Assert.Contains("1.105,00 kr.", markdown);
    }

    [Theory]
    [InlineData("afgoerelser/boern/bevilling-tabt-arbejdsfortjeneste")]
    [InlineData("afgoerelser/boern/delvis-bevilling-tabt-arbejdsfortjeneste")]
    public void TabtArbejdsfortjeneste_IsComputedFromTheFields_WithTheCalculationShown(string slug)
    {
        var capped = Shipped(slug, _ => { }).Letters[0].Markdown; // 36.900 × 8/37 = 7.978,38; cap 35.247 × 8/37 = 7.620,97
        var below = Shipped(slug, f => f["indtaegt_maaned"] = "30000").Letters[0].Markdown; // 30.000 × 8/37 = 6.486,49

        Assert.Contains("Du får 7.620,97 kr. om måneden", capped);
        Assert.Contains("7.978,38 kr.", capped);
        Assert.Contains("Sådan har vi beregnet beløbet", capped);
        Assert.Contains("Du får 6.486,49 kr. om måneden", below);
    }

    [Fact]
    public void TidligtForebyggendeIndsats_IsUnresolved_AndCannotGiveAFinalLetter()
    {
        var template = s_shipped.Value.Templates.Find("skabeloner/afgoerelser/boern/afslag-tidligt-forebyggende-indsats")!;
        var result = s_kit.Generate(s_shipped.Value.Templates, template.Slug, template.Example, SendDate);

        Assert.Equal(LegalState.Unresolved, template.LegalStatus.Status);
        Assert.False(result.IsFinal);
        Assert.Contains("påklages", result.Banner);
    }

    [Fact]
    public void BoernefagligUndersoegelse_CitesTheStk_AndIncludesTheYoungPersonOver15()
    {
        var must = Shipped("afgoerelser/boern/boernefaglig-undersoegelse", f => { f["hjemmel"] = "Skal: overgreb eller mistanke om overgreb (§ 20, stk. 1, nr. 2)"; f["den_unge_over_15"] = "ja"; }).Letters[0].Markdown;
        var may = Shipped("afgoerelser/boern/boernefaglig-undersoegelse", _ => { }).Letters[0].Markdown;

        Assert.Contains("Barnets Lov § 20, stk. 1", must);
        Assert.Contains("fyldt 15 år", must);
        Assert.Contains("Barnets Lov § 20, stk. 2", may);
        Assert.DoesNotContain("fyldt 15 år", may);
    }

    [Fact]
    public void StoettendeIndsats_ChildOf10_IsAParty_GetsTheDecision_AndAChildFriendlyKlagevejledning()
    {
        var child = new Recipient("Noah Nielsen-Eksempel", RecipientRole.Citizen, "Eksempelvej 1\n7100 Eksempelby");
        var parent = new Recipient("Mette Nielsen", RecipientRole.CustodyHolder, "Eksempelvej 1\n7100 Eksempelby");
        var template = s_shipped.Value.Templates.Find("skabeloner/afgoerelser/boern/stoettende-indsats")!;
        var both = s_kit.Generate(s_shipped.Value.Templates, template.Slug, template.Example, SendDate, [parent, child]);
        var parentOnly = s_kit.Generate(s_shipped.Value.Templates, template.Slug, template.Example, SendDate, [parent]);
        var young = Shipped("afgoerelser/boern/stoettende-indsats", f => f["barnets_foedselsdato"] = "2019-05-02");

        Assert.Equal(2, both.Letters.Count);
        Assert.Contains("Parterne i sagen er forældremyndighedsindehaveren og Noah", both.Letters[0].Markdown);
        Assert.Contains("Til dig, Noah", both.Letters[1].Markdown);
        Assert.Contains("Du må gerne klage", both.Letters[1].Markdown);
        Assert.Matches(@"Vi talte med Noah .* den 18\. november 2026 om indsatsen", both.Letters[0].Markdown);
        Assert.DoesNotContain(both.Warnings, w => w.Code == "barn-er-part");
        Assert.Contains(parentOnly.Warnings, w => w.Code == "barn-er-part");
        Assert.DoesNotContain("Til dig,", young.Letters[0].Markdown);
        Assert.Contains("når de er fyldt 10 år", young.Letters[0].Markdown);
    }

    [Theory]
    [InlineData("Holdt", "boernesamtale_dato")]
    [InlineData("Ikke holdt", "boernesamtale_grund")]
    public void StoettendeIndsats_RecordsTheBoernesamtale(string choice, string field)
    {
        var result = Shipped("afgoerelser/boern/stoettende-indsats", f => { f["boernesamtale"] = choice; f["boernesamtale_dato"] = null; f["boernesamtale_grund"] = null; });

        Assert.Contains(result.Errors, e => e.Field == field);
    }

    [Fact]
    public void AfslutningAfForanstaltning_NeedsADocumentedAgreement_AndPointsToTheDecisionTemplates()
    {
        var template = s_shipped.Value.Templates.Find("skabeloner/breve/afslutning-af-foranstaltning")!;
        var reasons = template.Field("aarsag")!.Options;

        Assert.True(template.Field("aftale_dato") is { Required: true, Type: FieldType.Date });
        Assert.True(template.Field("aftale_form") is { Required: true });
        Assert.DoesNotContain("perioden er slut", reasons);
        Assert.Contains(Shipped("breve/afslutning-af-foranstaltning", f => f["aftale_dato"] = null).Errors, e => e.Field == "aftale_dato");
        Assert.Contains("skabeloner/afgoerelser/boern/ophoer-nedsaettelse", template.Document.FrontMatter.Yaml + System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Content, "skabeloner/breve/afslutning-af-foranstaltning.md")));
    }
}
