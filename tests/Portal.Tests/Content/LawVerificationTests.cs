using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>love.yml: current lovbekendtgørelser flagged when unconfirmed, the former-SEL mapping, and unverified § references as warnings.</summary>
public class LawVerificationTests
{
    private static LawCatalog Shipped(List<ContentIssue> issues) => LawCatalog.Load(RepositoryPaths.Content, "https://lov.example", issues);

    [Theory]
    [InlineData("45", "89")]
    [InlineData("32a", "85")]
    [InlineData("32", "82")]
    [InlineData("76", "114")]
    [InlineData("41", "86")]
    [InlineData("42", "87")]
    [InlineData("50", "20")]
    public void FormerSel_MapsToBarnetsLov(string sel, string barnetsLov) => Assert.Equal(barnetsLov, Shipped([]).FormerSelToBarnetsLov[sel]);

    [Fact]
    public void UnconfirmedLovbekendtgoerelser_AreWarnings()
    {
        var issues = new List<ContentIssue>();
        Shipped(issues);

        Assert.Contains(issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("Lovbekendtgørelsen for Retssikkerhedsloven"));
        Assert.Contains(issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("Lovbekendtgørelsen for Serviceloven"));
        Assert.DoesNotContain(issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("Lovbekendtgørelsen for Barnets Lov"));
        Assert.DoesNotContain(issues, i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void UnverifiedParagraph_IsAWarningWithItsLine_VerifiedIsNot()
    {
        var laws = Shipped([]);
        var document = new DocumentParser(new MarkdownRenderer(new HtmlSafety()), []).Parse("arbejdsgange/x", "arbejdsgange/x.md",
            "---\ntitel: X\ntype: arbejdsgang\nområde: børn\ntovholder: jurist-social\nrevideres: 2027-01-01\n---\nEfter Barnets Lov § 86.\n\nOg Barnets Lov § 999 og BL § 999.\n",
            new ParseContext(Roster.Load(RepositoryPaths.Content, []), laws, new ContentOptions())).Document!;

        var warnings = new LawReferenceCheck().Check(document, new ParseContext(Roster.Empty, laws, new ContentOptions())).ToList();

        var warning = Assert.Single(warnings);
        Assert.Contains("Barnets Lov § 999", warning.Message);
        Assert.Equal(10, warning.Line);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
    }
}
