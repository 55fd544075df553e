using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// A real Word document from generated letters: letterhead in the page header, recipient and date, the
/// letter with headings, lists and tables, signature and copy list; one page run per letter.
/// </summary>
public sealed class DocxWriter(MarkdownRenderer markdown)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(TemplateDefinition template, DateOnly sendDate) => $"{template.PartialName}-{sendDate:yyyy-MM-dd}.docx";

    public byte[] Write(LetterResult result)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create();
            var numbering = DocxStyles.CreateNumbering();
            var numberingPart = main.AddNewPart<NumberingDefinitionsPart>();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = Letterhead(result.Context);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageFooter(result.Template.Title);

            var body = new Body();
            var converter = new DocxMarkdown(numbering);
            for (var i = 0; i < result.Letters.Count; i++)
            {
                if (i > 0)
                {
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                }
                if (result.Banner is { } banner)
                {
                    body.Append(DraftBanner(banner));
                }
                AppendLetter(body, result.Letters[i], result.Context, converter);
            }
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1701, Bottom = 1418, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            numberingPart.Numbering = numbering;
            main.Document = new Document(body);
            document.PackageProperties.Title = result.Template.Title;
            document.PackageProperties.Creator = result.Context.Unit.Name;
            document.PackageProperties.Language = "da-DK";
        }
        return stream.ToArray();
    }

    private void AppendLetter(Body body, RenderedLetter letter, LetterContext context, DocxMarkdown converter)
    {
        if (letter.Recipient is { } to)
        {
            body.Append(Lines([to.Name, .. LetterHtml.Lines(to.Address)]));
        }
        body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), Text(DanishFormat.Date(context.SendDate))));
        var parsed = Markdown.Parse(letter.Markdown, markdown.Pipeline);
        body.Append(converter.Blocks(parsed));
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360" }), Text("Med venlig hilsen")));
        body.Append(Lines([context.Caseworker.Name, context.Caseworker.Title, context.Unit.Name]));
        if (letter.CopyTo.Count > 0)
        {
            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240" }),
                Text("Kopi til: " + string.Join(", ", letter.CopyTo.Select(c => $"{c.Name} ({c.RoleLabel.ToLowerInvariant()})")))));
        }
    }

    /// <summary>A boxed red line above a draft, so a printed draft cannot pass for a final letter.</summary>
    private static Paragraph DraftBanner(string text) => new(
        new ParagraphProperties(
            new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 12, Color = "C00000" },
                new LeftBorder { Val = BorderValues.Single, Size = 12, Color = "C00000" },
                new BottomBorder { Val = BorderValues.Single, Size = 12, Color = "C00000" },
                new RightBorder { Val = BorderValues.Single, Size = 12, Color = "C00000" }),
            new SpacingBetweenLines { After = "240" }),
        new Run(new RunProperties(new Bold(), new Color { Val = "C00000" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Header Letterhead(LetterContext context)
    {
        var right = new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right });
        var contact = string.Join(" · ", new[] { context.Unit.Phone, context.Unit.Email, context.Unit.Web }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var header = new Header(new Paragraph((ParagraphProperties)right.CloneNode(true),
            new Run(new RunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "28" }), new Text(DocxMarkdown.Clean(context.Municipality.Name)))));
        foreach (var line in new[] { context.Unit.Name }.Concat(LetterHtml.Lines(context.Unit.Address)).Append(contact))
        {
            header.Append(new Paragraph((ParagraphProperties)right.CloneNode(true), new Run(new RunProperties(new FontSize { Val = "18" }), new Text(DocxMarkdown.Clean(line)) { Space = SpaceProcessingModeValues.Preserve })));
        }
        return header;
    }

    private static Footer PageFooter(string title) => new(new Paragraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(new RunProperties(new FontSize { Val = "16" }), new Text(DocxMarkdown.Clean(title) + " · Side ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new RunProperties(new FontSize { Val = "16" }), new Text("1"))) { Instruction = " PAGE " },
        new Run(new RunProperties(new FontSize { Val = "16" }), new Text(" af ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new RunProperties(new FontSize { Val = "16" }), new Text("1"))) { Instruction = " NUMPAGES " }));

    private static Paragraph Lines(IEnumerable<string> lines)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }));
        var first = true;
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            if (!first)
            {
                paragraph.Append(new Run(new Break()));
            }
            paragraph.Append(Text(line));
            first = false;
        }
        return paragraph;
    }

    private static Run Text(string text) => new(new Text(DocxMarkdown.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
}
