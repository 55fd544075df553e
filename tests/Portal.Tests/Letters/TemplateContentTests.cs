using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>Every template file is a test case: shipped ones in content/skabeloner and the fixtures here.</summary>
public class TemplateContentTests
{
    private const string Shipped = "content";
    private const string Fixture = "fixture";

    private static readonly Lazy<LoadedContent> s_shipped = new(() => LoadCopy(TestContentDirectory.FromRepository()));
    private static readonly Lazy<LoadedContent> s_fixture = new(() => LoadCopy(LetterKit.FixtureContent()));
    private static readonly LetterKit s_kit = new();

    public static TheoryData<string, string> TemplateFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (source, root) in new[] { (Shipped, RepositoryPaths.Content), (Fixture, Path.Combine(AppContext.BaseDirectory, "Letters", "Fixtures")) })
        {
            var folder = Path.Combine(root, "skabeloner");
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                data.Add(source, Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Template_PassesChecks_AndRendersItsSample(string source, string file)
    {
        var content = source == Shipped ? s_shipped.Value : s_fixture.Value;
        var errors = content.Snapshot.Issues.Where(i => i.File == file && i.Severity == IssueSeverity.Error).Select(i => $"{i.File}:{i.Line}: {i.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var slug = file[..^3];
        var document = Assert.Single(content.Snapshot.Documents, d => d.Slug == slug);
        if (document.Type == "frase")
        {
            Assert.NotNull(content.Templates.Partials.Find(slug[(slug.LastIndexOf('/') + 1)..]));
            return;
        }

        var template = content.Templates.Find(slug);
        Assert.NotNull(template);
        var result = s_kit.Generate(content.Templates, slug, template.Example, sendDate: new DateOnly(2026, 11, 30));

        Assert.True(result.IsValid, string.Join('\n', result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        Assert.All(result.Letters, l => Assert.DoesNotContain("{{", l.Markdown, StringComparison.Ordinal));
        using var docx = WordprocessingDocument.Open(new MemoryStream(s_kit.Docx.Write(result)), false);
        Assert.NotEmpty(docx.MainDocumentPart!.Document!.Body!.InnerText);
        var invalid = new OpenXmlValidator().Validate(docx, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join('\n', invalid));
    }

    [Fact]
    public void EveryDecision_HasBegrundelseAndComplaintGuidance()
    {
        var decisions = s_shipped.Value.Templates.Templates.Concat(s_fixture.Value.Templates.Templates).Where(t => t.Kind == TemplateKind.Decision).ToList();

        Assert.NotEmpty(decisions);
        Assert.All(decisions, t =>
        {
            Assert.Matches(@"(?m)^##\s+Begrundelse", t.Body);
            var html = s_kit.Generate(t.Slug.StartsWith("skabeloner", StringComparison.Ordinal) && s_shipped.Value.Templates.Find(t.Slug) == t ? s_shipped.Value.Templates : s_fixture.Value.Templates,
                t.Slug, t.Example, new DateOnly(2026, 11, 30)).Letters[0].BodyHtml;
            Assert.Contains("Begrundelse", html);
            Assert.Contains("klage", html, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void ShippedTemplates_AllDecisionsAndLettersAreServed()
    {
        var content = s_shipped.Value;
        var declared = content.Snapshot.Documents.Count(d => d.IsTemplate && d.Type is "afgørelse" or "brev");

        Assert.Equal(declared, content.Templates.Templates.Count);
        Assert.Empty(content.Templates.Problems);
    }

    [Fact]
    public void ChildrensDecisions_CiteBarnetsLov_AndNoteTheFormerSelParagraph_AdultsCiteServiceloven()
    {
        var decisions = s_shipped.Value.Templates.Templates.Where(t => t.Kind == TemplateKind.Decision).ToList();

        Assert.All(decisions.Where(t => t.Document.Area == Area.Children), t =>
        {
            Assert.Contains(t.Document.LegalBasis, l => l.Text.StartsWith("Barnets Lov §", StringComparison.Ordinal));
            Assert.Matches(@"tidligere servicelovens § \d+", t.Body);
        });
        Assert.All(decisions.Where(t => t.Document.Area == Area.Adults), t =>
            Assert.Contains(t.Document.LegalBasis, l => l.Text.StartsWith("Serviceloven §", StringComparison.Ordinal)));
        Assert.DoesNotContain(decisions, t => t.Document.Area == Area.Shared);
    }

    /// <summary>The set the issue asks for; a rename or deletion must be deliberate.</summary>
    [Theory]
    [InlineData("afgoerelser/boern/afslag-merudgifter")]
    [InlineData("afgoerelser/boern/delvis-bevilling-merudgifter")]
    [InlineData("afgoerelser/boern/bevilling-merudgifter")]
    [InlineData("afgoerelser/boern/afslag-tabt-arbejdsfortjeneste")]
    [InlineData("afgoerelser/boern/delvis-bevilling-tabt-arbejdsfortjeneste")]
    [InlineData("afgoerelser/boern/bevilling-tabt-arbejdsfortjeneste")]
    [InlineData("afgoerelser/boern/boernefaglig-undersoegelse")]
    [InlineData("afgoerelser/boern/stoettende-indsats")]
    [InlineData("afgoerelser/boern/afslag-tidligt-forebyggende-indsats")]
    [InlineData("afgoerelser/voksne/afslag-merudgifter")]
    [InlineData("afgoerelser/voksne/delvis-bevilling-merudgifter")]
    [InlineData("afgoerelser/voksne/bevilling-merudgifter")]
    [InlineData("afgoerelser/voksne/afslag-socialpaedagogisk-stoette")]
    [InlineData("afgoerelser/voksne/bevilling-socialpaedagogisk-stoette")]
    [InlineData("afgoerelser/voksne/afslag-ledsageordning")]
    [InlineData("breve/kvitteringsbrev")]
    [InlineData("breve/midlertidigt-planlagt-skift")]
    [InlineData("breve/midlertidigt-ikke-planlagt-skift")]
    [InlineData("breve/permanent-planlagt-skift")]
    [InlineData("breve/permanent-ikke-planlagt-skift")]
    [InlineData("breve/orientering-fra-ny-sagsbehandler")]
    [InlineData("breve/foraeldrebrev-betalingsevnevurdering")]
    [InlineData("breve/tilbud-om-tidligt-forebyggende-indsats")]
    [InlineData("breve/afslutning-af-foranstaltning")]
    [InlineData("breve/afslutning-af-foranstaltning-samarbejdspartnere")]
    [InlineData("breve/afslutning-af-sag")]
    [InlineData("breve/invitation-til-opfoelgningsmoede")]
    [InlineData("breve/partshoeringsbrev")]
    [InlineData("breve/invitation-til-cafemoede-16-aar")]
    [InlineData("breve/informationsbrev-aendringer-ved-18-aar")]
    public void ShippedSet_HasTheTemplate_WithSampleData(string slug)
    {
        var template = s_shipped.Value.Templates.Find("skabeloner/" + slug);

        Assert.NotNull(template);
        Assert.NotEmpty(template.Example);
    }

    [Fact]
    public void Kvitteringsbrev_HasTheSagsforloebSteps_AndTheGdprInformation()
    {
        var set = s_shipped.Value.Templates;
        var template = set.Find("skabeloner/breve/kvitteringsbrev")!;

        var html = s_kit.Generate(set, template.Slug, template.Example).Letters[0].BodyHtml;

        Assert.Contains("Sådan behandler vi din ansøgning", html);
        Assert.Equal(6, html.Split("<ol>")[1].Split("</ol>")[0].Split("<li>").Length - 1);
        Assert.Contains("Sådan behandler vi dine personoplysninger", html);
    }

    [Theory]
    [InlineData("klagevejledning")]
    [InlineData("personoplysninger")]
    [InlineData("partshoering")]
    [InlineData("kontaktoplysninger")]
    [InlineData("sagsforloeb")]
    [InlineData("notatfraser")]
    [InlineData("afgoerelsesfraser")]
    public void ShippedPhrases_Exist(string name) => Assert.NotNull(s_shipped.Value.Templates.Partials.Find(name));

    private static LoadedContent LoadCopy(TestContentDirectory directory)
    {
        using (directory)
        {
            return s_kit.Load(directory.Path);
        }
    }
}
