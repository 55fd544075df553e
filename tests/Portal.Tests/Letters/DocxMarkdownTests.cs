using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Letters;

namespace Portal.Tests.Letters;

/// <summary>The Markdown → Word converter on the constructs template authors write, each schema-valid.</summary>
public class DocxMarkdownTests
{
    private const string Receipt = "skabeloner/breve/kvittering-test";
    private static readonly LetterKit s_kit = new();
    private static readonly Lazy<LetterResult> s_base = new(() =>
    {
        using var dir = LetterKit.FixtureContent();
        var content = s_kit.Load(dir.Path);
        return s_kit.Generate(content.Templates, Receipt, content.Templates.Find(Receipt)!.Example);
    });

    private static WordprocessingDocument Convert(string markdown)
    {
        var result = s_base.Value with { Letters = [new RenderedLetter(null, [], markdown, "")] };
        var docx = WordprocessingDocument.Open(new MemoryStream(s_kit.Docx.Write(result)), false);
        var errors = new OpenXmlValidator().Validate(docx, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        return docx;
    }

    private static List<Paragraph> Paragraphs(WordprocessingDocument docx) => docx.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().ToList();

    [Fact]
    public void NestedLists_GetDeeperLevels()
    {
        using var docx = Convert("- a\n  - b\n    1. c\n- d\n");
        var levels = Paragraphs(docx).Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .ToDictionary(p => p.InnerText, p => p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2, ["d"] = 0 }, levels);
    }

    [Fact]
    public void OrderedList_KeepsItsStartNumber_AndEachListRestarts()
    {
        using var docx = Convert("3. tre\n4. fire\n\nTekst\n\n1. en\n");
        var numbering = docx.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var ids = Paragraphs(docx).Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .Select(p => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value).Distinct().ToList();

        Assert.Equal(2, ids.Count);
        var first = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == ids[0]);
        Assert.Equal(3, first.Elements<LevelOverride>().Single().StartOverrideNumberingValue!.Val!.Value);
    }

    [Fact]
    public void ListItemWithTwoParagraphs_NumbersOnlyTheFirst()
    {
        using var docx = Convert("1. Første\n\n   Uddybning\n2. Anden\n");
        var paragraphs = Paragraphs(docx);

        Assert.NotNull(paragraphs.Single(p => p.InnerText == "Første").ParagraphProperties!.NumberingProperties);
        Assert.Null(paragraphs.Single(p => p.InnerText == "Uddybning").ParagraphProperties!.NumberingProperties);
        Assert.NotNull(paragraphs.Single(p => p.InnerText == "Uddybning").ParagraphProperties!.Indentation);
    }

    [Fact]
    public void InlineFormatting_BecomesRunProperties()
    {
        using var docx = Convert("Det er **fed**, *kursiv*, ***begge***, ~~streg~~ og `kode`.  \nNy linje med [et link](https://example.com).");
        var runs = docx.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();

        Assert.Contains(runs, r => r.InnerText == "fed" && r.RunProperties?.Bold is not null && r.RunProperties.Italic is null);
        Assert.Contains(runs, r => r.InnerText == "kursiv" && r.RunProperties?.Italic is not null && r.RunProperties.Bold is null);
        Assert.Contains(runs, r => r.InnerText == "begge" && r.RunProperties?.Italic is not null && r.RunProperties.Bold is not null);
        Assert.Contains(runs, r => r.InnerText == "streg" && r.RunProperties?.Strike is not null);
        Assert.Contains(runs, r => r.InnerText == "kode" && r.RunProperties?.RunFonts is not null);
        Assert.Contains(runs, r => r.GetFirstChild<Break>() is not null);
        Assert.Contains(Paragraphs(docx), p => p.InnerText.EndsWith("og kode.Ny linje med et link.", StringComparison.Ordinal));
    }

    [Fact]
    public void QuoteAndRule_AreStyledParagraphs_AndRawHtmlIsDropped()
    {
        using var docx = Convert("> Citat\n\n---\n\n<div>skjult</div>\n\nSlut");
        var paragraphs = Paragraphs(docx);

        Assert.Equal("Quote", paragraphs.Single(p => p.InnerText == "Citat").ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphBorders is not null);
        Assert.DoesNotContain("skjult", docx.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public void TableWithShortRowAndFormatting_IsRectangular()
    {
        using var docx = Convert("| A | B | C |\n|---|---|---|\n| **1** | 2 |\n");
        var table = Assert.Single(docx.MainDocumentPart!.Document!.Body!.Elements<Table>());

        Assert.All(table.Elements<TableRow>(), r => Assert.Equal(3, r.Elements<TableCell>().Count()));
        Assert.Contains(table.Descendants<Run>(), r => r.InnerText == "1" && r.RunProperties?.Bold is not null);
    }
}
