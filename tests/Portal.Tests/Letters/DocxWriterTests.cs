using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Letters;

namespace Portal.Tests.Letters;

/// <summary>The Word file parses back with OpenXml, is schema-valid and holds the letter's structure and text.</summary>
public class DocxWriterTests
{
    private const string Refusal = "skabeloner/afgoerelser/afslag-merudgifter-test";
    private const string Receipt = "skabeloner/breve/kvittering-test";
    private static readonly LetterKit s_kit = new();
    private static readonly Lazy<LoadedContent> s_content = new(() =>
    {
        using var dir = LetterKit.FixtureContent();
        return s_kit.Load(dir.Path);
    });

    private static readonly Recipient[] s_parents =
    [
        new("Anna Andersen", RecipientRole.CustodyHolder, "Vejen 1\n7100 Vejle"),
        new("Bo Andersen", RecipientRole.CustodyHolder, "Stien 2\n7100 Vejle"),
    ];

    private static WordprocessingDocument Open(string slug, IReadOnlyList<Recipient>? recipients = null)
    {
        var template = s_content.Value.Templates.Find(slug)!;
        var result = s_kit.Generate(s_content.Value.Templates, slug, template.Example, recipients: recipients);
        Assert.True(result.IsValid);
        return WordprocessingDocument.Open(new MemoryStream(s_kit.Docx.Write(result)), false);
    }

    [Fact]
    public void Docx_IsValidOpenXml()
    {
        using var docx = Open(Refusal, s_parents);

        var errors = new OpenXmlValidator().Validate(docx, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Docx_HasLetterheadHeadingsListsTableAndSignature()
    {
        using var docx = Open(Refusal);
        var main = docx.MainDocumentPart!;
        var body = main.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();

        Assert.Contains("Eksempel Kommune", main.HeaderParts.Single().Header!.InnerText);
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1" && p.InnerText.StartsWith("Afgørelse: Afslag på merudgifter til Emma Eksempel", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2" && p.InnerText == "Begrundelse");
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.NumberingProperties is not null && p.InnerText == "Andet trin");
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.NumberingProperties is not null && p.InnerText == "Udtalelse fra sygehuset");
        var table = Assert.Single(body.Elements<Table>());
        Assert.Contains("1.234,50 kr.", table.InnerText.Replace('\u00a0', ' '));
        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Bold is not null && r.InnerText == "22. december 2026");
        Assert.Contains(paragraphs, p => p.InnerText == "Med venlig hilsen");
        Assert.Contains(paragraphs, p => p.InnerText.Contains("Sara Sørensen", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_HasRealWordStructure_NotJustText()
    {
        using var docx = Open(Refusal);
        var main = docx.MainDocumentPart!;
        var body = main.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();

        // Headings use heading styles with an outline level, so Word's navigation pane and LibreOffice see them.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        foreach (var (id, level) in new[] { ("Heading1", 0), ("Heading2", 1), ("Heading3", 2) })
        {
            Assert.Equal(level, styles[id].StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        }
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2" && p.InnerText == "Sådan klager du");

        // Bold and italic are run properties, not asterisks.
        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Italic is not null && r.InnerText == "hele");
        Assert.DoesNotContain("*hele*", body.InnerText);
        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Bold is not null);

        // Lists are Word numbering: bullets and decimals from the numbering part.
        Assert.Equal(NumberFormatValues.Bullet, ListFormat(main, paragraphs.Single(p => p.InnerText == "Udtalelse fra sygehuset")));
        var steps = paragraphs.Where(p => p.InnerText is "Første trin" or "Andet trin").ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, p => Assert.Equal(NumberFormatValues.Decimal, ListFormat(main, p)));
        Assert.Single(steps.Select(p => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value).Distinct());

        // Tables are w:tbl with a grid, rows and cells; the header row repeats.
        var table = Assert.Single(body.Elements<Table>());
        Assert.Equal(2, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.Elements<TableCell>().Count()));
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal("Post", rows[0].Elements<TableCell>().First().InnerText);

        // Letterhead: municipality and unit in the page header, referenced from the section.
        var header = main.HeaderParts.Single().Header!.InnerText;
        Assert.Contains(s_kit.Options.Municipality.Name, header);
        Assert.Contains(s_kit.Options.Unit.Name, header);
        Assert.Contains(s_kit.Options.Unit.Phone, header);
        Assert.NotNull(body.GetFirstChild<SectionProperties>()!.GetFirstChild<HeaderReference>());

        // "modtagere: hver" with one recipient: no copy list (copy mode is tested below).
        Assert.DoesNotContain(paragraphs, p => p.InnerText.StartsWith("Kopi til", StringComparison.Ordinal));
    }

    private static NumberFormatValues? ListFormat(MainDocumentPart main, Paragraph paragraph)
    {
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        var id = paragraph.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value;
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID?.Value == id);
        var level = paragraph.ParagraphProperties!.NumberingProperties!.NumberingLevelReference?.Val?.Value ?? 0;
        return numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value)
            .Elements<Level>().Single(l => l.LevelIndex?.Value == level).NumberingFormat?.Val?.Value;
    }

    [Fact]
    public void Docx_OneLetterPerRecipient_SeparatedByPageBreaks()
    {
        using var docx = Open(Refusal, s_parents);
        var body = docx.MainDocumentPart!.Document!.Body!;

        Assert.Single(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        Assert.Equal(2, body.Elements<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1"));
        Assert.Contains("Anna Andersen", body.InnerText);
        Assert.Contains("Bo Andersen", body.InnerText);
    }

    [Fact]
    public void Docx_CopyMode_OneLetterWithCopyList()
    {
        using var docx = Open(Receipt, [.. s_parents, new("Vera Værge", RecipientRole.Guardian, "Torvet 3"), new("Per Partsrepræsentant", RecipientRole.Representative, "")]);
        var body = docx.MainDocumentPart!.Document!.Body!;

        Assert.DoesNotContain(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Kopi til: Bo Andersen (forældremyndighedsindehaver), Vera Værge (værge), Per Partsrepræsentant (partsrepræsentant)");
        Assert.Contains("Kære Anna Andersen", body.InnerText);
    }

    [Fact]
    public void FileName_IsTemplateAndDate()
    {
        Assert.Equal("kvittering-test-2026-11-24.docx", DocxWriter.FileName(s_content.Value.Templates.Find(Receipt)!, new DateOnly(2026, 11, 24)));
    }
}
