using Portal.Content;

namespace Portal.Tests.Content;

public class MarkdownRendererTests
{
    private static readonly MarkdownRenderer s_renderer = new(new HtmlSafety());

    private static RenderedMarkdown Render(string markdown, string slug = "arbejdsgange/03-afgoerelse/afslag") =>
        s_renderer.Render(markdown, slug, ParserTestData.Laws);

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "onerror")]
    [InlineData("[klik](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("Tekst <span onclick=\"alert(1)\">a</span>", "onclick")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "javascript:")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>", "javascript:")]
    public void Render_DangerousInput_IsSanitised(string markdown, string forbidden)
    {
        var html = Render(markdown).Html;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_TablesAndTaskLists_AreRenderedWithLabelledCheckboxes()
    {
        var html = Render("| A | B |\n|---|---|\n| 1 | 2 |\n\n- [ ] Send pjecen\n- [x] Book lokale\n").Html;

        Assert.Contains("<table>", html);
        Assert.Contains("aria-label=\"Send pjecen\"", html);
        Assert.Contains("checked", html);
    }

    [Fact]
    public void Render_Headings_GetAnchorsAndTableOfContents()
    {
        var result = Render("## Formål\nx\n### Hvem gør hvad\ny\n## Tid\n");

        Assert.Equal(["Formål", "Hvem gør hvad", "Tid"], result.Toc.Select(t => t.Text));
        Assert.Contains($"id=\"{result.Toc[0].Id}\"", result.Html);
        Assert.Equal(3, result.Toc[1].Level);
    }

    [Theory]
    [InlineData("Se Barnets Lov § 86.", "https://lov.example/eli/lta/2023/721#P86", "Barnets Lov § 86")]
    [InlineData("Efter servicelovens § 41 gælder", "https://lov.example/eli/lta/2024/909#P41", "servicelovens § 41")]
    [InlineData("Støtte efter SEL § 85, stk. 2.", "https://lov.example/eli/lta/2024/909#P85", "SEL § 85, stk. 2")]
    [InlineData("Partshøring, jf. forvaltningslovens § 19", "https://lov.example/eli/lta/2014/433#P19", "forvaltningslovens § 19")]
    [InlineData("Se forvaltningslovens §§ 22-24.", "https://lov.example/eli/lta/2014/433#P22", "forvaltningslovens §§ 22-24")]
    [InlineData("databeskyttelsesforordningens artikel 13", "https://eur-lex.example/gdpr", "databeskyttelsesforordningens artikel 13")]
    [InlineData("Se databeskyttelsesforordningens art. 15.", "https://eur-lex.example/gdpr", "databeskyttelsesforordningens art. 15")]
    [InlineData("Databeskyttelsesforordningens Artikler 13 og 14", "https://eur-lex.example/gdpr", "Databeskyttelsesforordningens Artikler 13 og 14")]
    public void Render_LawReference_BecomesLinkToLawPortal(string markdown, string url, string linkText)
    {
        var html = Render(markdown).Html;

        Assert.Contains($"href=\"{url}\"", html);
        Assert.Contains($">{linkText}</a>", html);
    }

    [Fact]
    public void Render_LawReferenceInsideExistingLink_IsNotLinkedTwice()
    {
        var html = Render("[Barnets Lov § 86](https://andet.example)").Html;

        Assert.DoesNotContain("lov.example", html);
    }

    [Fact]
    public void Render_RelativeDocumentLink_IsRewrittenAndRecorded()
    {
        var result = Render("Se [skift](../05-skift/skift-boern.md#overdragelse) og [ekstern](https://x.example).");

        Assert.Contains("href=\"/dokument/arbejdsgange/05-skift/skift-boern#overdragelse\"", result.Html);
        var link = Assert.Single(result.Links);
        Assert.Equal("arbejdsgange/05-skift/skift-boern", link.TargetSlug);
    }

    [Fact]
    public void Render_AlertBlock_IsRendered()
    {
        var html = Render("> [!WARNING]\n> Send ikke om fredagen.").Html;

        Assert.Contains("markdown-alert", html);
    }
}
