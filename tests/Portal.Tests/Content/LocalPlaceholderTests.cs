using Bunit;
using Portal.Content;
using Portal.Library.Components;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>
/// "[udfyldes af kommunen]" (issue 12: the pamphlets' contact lines are facts only the municipality has): never
/// guessed, always visible: a warning on Indholdsfejl with the lines, and a notice on the document page.
/// </summary>
public class LocalPlaceholderTests
{
    private const string FrontMatter = "---\ntitel: Test\ntovholder: koordinator-boern\nrevideres: 2027-06-30\n{0}---\n";

    private static ParseResult Parse(string slug, string extraFrontMatter, string body)
    {
        var parser = new DocumentParser(new MarkdownRenderer(new HtmlSafety()), [new LocalPlaceholderCheck()]);
        using var content = TestContentDirectory.FromFixture();
        var context = new ParseContext(Roster.Load(content.Path, []), LawCatalog.Load(content.Path, "https://lov.example", []), new ContentOptions { RootPath = content.Path });
        return parser.Parse(slug, slug + ".md", string.Format(System.Globalization.CultureInfo.InvariantCulture, FrontMatter, extraFrontMatter) + body, context);
    }

    [Fact]
    public void CountAndLines_FindEveryPlaceholder_WithOrWithoutADescription()
    {
        var body = "Intro\nTelefon: `[udfyldes af kommunen]`\nSted: [Udfyldes af kommunen: sted og åbningstider] og [udfyldes af kommunen]\n";

        Assert.Equal(3, LocalPlaceholders.Count(body));
        Assert.Equal([2, 3], LocalPlaceholders.Lines(body));
        Assert.Equal(0, LocalPlaceholders.Count("Ring til [telefon] eller skriv."));
    }

    [Fact]
    public void Pamphlet_WithOpenContactLines_IsAWarningThatItMustNotBeHandedOut_NamingTheLines()
    {
        var result = Parse("arbejdsgange/10-til-borgere/test", "type: pjece\n", "\nKontakt os\n\n- Telefon: `[udfyldes af kommunen]`\n- Telefontid: `[udfyldes af kommunen]`\n");

        Assert.NotNull(result.Document);
        var warning = Assert.Single(result.Issues);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(10, warning.Line);
        Assert.Contains("Pjecen gives til borgere, men 2 steder skal stadig udfyldes af kommunen (linje 10, 11)", warning.Message);
    }

    [Fact]
    public void Procedure_WithOneOpenPlaceholder_IsAPlainWarning_AndATemplateIsLeftToTheLetterRule()
    {
        var procedure = Parse("arbejdsgange/01/test", "", "\nStamkortet ligger her: [udfyldes af kommunen].\n");
        Assert.StartsWith("1 sted skal stadig udfyldes af kommunen (linje 7)", Assert.Single(procedure.Issues).Message);

        var template = Parse("skabeloner/breve/test", "", "\nRing på [udfyldes af kommunen].\n");
        Assert.DoesNotContain(template.Issues, i => i.Message.Contains("udfyldes af kommunen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShippedPamphlet_WithOpenContactLines_IsListedWithTheLinesOfTheFile()
    {
        const string slug = "arbejdsgange/10-til-borgere/pjece-sagsforloebet-boern";
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Content, slug + ".md"), Xunit.TestContext.Current.CancellationToken);
        var parser = new DocumentParser(new MarkdownRenderer(new HtmlSafety()), [new LocalPlaceholderCheck()]);
        var context = new ParseContext(Roster.Load(RepositoryPaths.Content, []), LawCatalog.Load(RepositoryPaths.Content, "https://lov.example", []), new ContentOptions { RootPath = RepositoryPaths.Content });

        var result = parser.Parse(slug, slug + ".md", text, context);

        var warning = Assert.Single(result.Issues, i => i.Message.Contains("udfyldes af kommunen", StringComparison.Ordinal));
        Assert.StartsWith("Pjecen gives til borgere", warning.Message);
        var fileLines = text.Split('\n');
        Assert.Contains(LocalPlaceholders.Marker, fileLines[warning.Line - 1]);
    }

    [Theory]
    [InlineData("pjece", "Giv den ikke til en borger")]
    [InlineData("arbejdsgang", "Spørg tovholderen")]
    public async Task Notice_OnTheDocumentPage_SaysWhatIsOpen(string type, string expected)
    {
        using var ctx = BunitSetup.CreateContext();
        var doc = (await FixtureSnapshot.GetAsync()).Documents.First(d => !d.IsTemplate) with
        {
            Type = type,
            Body = "Telefon: [udfyldes af kommunen]\nE-mail: [udfyldes af kommunen]\n",
        };

        var notice = ctx.Render<LocalPlaceholderNotice>(p => p.Add(x => x.Document, doc));

        Assert.Equal("2", notice.Find(".local-placeholders").GetAttribute("data-count"));
        Assert.Contains(expected, notice.Markup);
        Assert.Empty(ctx.Render<LocalPlaceholderNotice>(p => p.Add(x => x.Document, doc with { Body = "Ingen huller." })).Markup.Trim());
    }
}
