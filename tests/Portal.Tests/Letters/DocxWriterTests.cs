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
        using var docx = Open(Receipt, s_parents);
        var body = docx.MainDocumentPart!.Document!.Body!;

        Assert.DoesNotContain(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Kopi til: Bo Andersen (forældremyndighedsindehaver)");
        Assert.Contains("Kære Anna Andersen", body.InnerText);
    }

    [Fact]
    public void FileName_IsTemplateAndDate()
    {
        Assert.Equal("kvittering-test-2026-11-24.docx", DocxWriter.FileName(s_content.Value.Templates.Find(Receipt)!, new DateOnly(2026, 11, 24)));
    }
}
