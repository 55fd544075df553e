using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Content;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Portal.Letters;

/// <summary>
/// Turns the letter's Markdown syntax tree into Word paragraphs, lists and tables. Escaped case data is
/// literal text in the tree, so it stays literal in Word too; raw HTML is dropped.
/// </summary>
internal sealed class DocxMarkdown(Numbering numbering)
{
    private const int ContentWidth = 9638; // A4 minus 2 cm margins, in twentieths of a point

    public IEnumerable<OpenXmlElement> Blocks(ContainerBlock container, int listLevel = -1, int? numberId = null)
    {
        foreach (var block in container)
        {
            foreach (var element in Block(block, listLevel, numberId))
            {
                yield return element;
            }
        }
    }

    private IEnumerable<OpenXmlElement> Block(Block block, int listLevel, int? numberId)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return Paragraph(heading.Inline, heading.Level switch { 1 => "Heading1", 2 => "Heading2", _ => "Heading3" });
                break;
            case ParagraphBlock paragraph:
                yield return Paragraph(paragraph.Inline, listLevel >= 0 ? "ListParagraph" : null, listLevel, numberId);
                break;
            case ListBlock list:
                var level = Math.Min(listLevel + 1, 2);
                var id = list.IsOrdered ? DocxStyles.AddNumberedList(numbering, int.TryParse(list.OrderedStart, out var start) ? start : 1) : DocxStyles.BulletList;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var first = true;
                    foreach (var child in item)
                    {
                        // Only the item's first paragraph carries the bullet; the rest are indented under it.
                        foreach (var element in Block(child, level, first || child is ListBlock ? id : null))
                        {
                            yield return element;
                        }
                        first = false;
                    }
                }
                break;
            case MdTable table:
                yield return Table(table);
                yield return new Paragraph();
                break;
            case QuoteBlock quote:
                foreach (var element in Blocks(quote, listLevel, numberId))
                {
                    if (element is Paragraph p)
                    {
                        p.ParagraphProperties ??= new ParagraphProperties();
                        p.ParagraphProperties.ParagraphStyleId = new ParagraphStyleId { Val = "Quote" };
                    }
                    yield return element;
                }
                break;
            case ThematicBreakBlock:
                yield return new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Color = "808080" })));
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    yield return new Paragraph(TextRun(line.ToString(), new Format(Code: true)));
                }
                break;
            case ContainerBlock other:
                foreach (var element in Blocks(other, listLevel, numberId))
                {
                    yield return element;
                }
                break;
            case LeafBlock { Inline: not null } leaf and not HtmlBlock:
                yield return Paragraph(leaf.Inline, null);
                break;
        }
    }

    public static Paragraph Paragraph(ContainerInline? inline, string? style, int listLevel = -1, int? numberId = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }
        if (numberId is { } id && listLevel >= 0)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = listLevel }, new NumberingId { Val = id }));
        }
        else if (listLevel >= 0)
        {
            properties.Append(new Indentation { Left = (720 * (listLevel + 1)).ToString() });
        }
        var paragraph = new Paragraph();
        if (properties.HasChildren)
        {
            paragraph.Append(properties);
        }
        if (inline is not null)
        {
            paragraph.Append(Inlines(inline, new Format()));
        }
        return paragraph;
    }

    private WTable Table(MdTable table)
    {
        var rows = table.OfType<MdTableRow>().ToList();
        var columns = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var width = ContentWidth / columns;
        var result = new WTable(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = ContentWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLook { Val = "04A0" }));
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.Append(new GridColumn { Width = width.ToString() });
        }
        result.Append(grid);
        foreach (var row in rows)
        {
            var tableRow = new DocumentFormat.OpenXml.Wordprocessing.TableRow();
            if (row.IsHeader)
            {
                tableRow.Append(new TableRowProperties(new TableHeader()));
            }
            foreach (var cell in row.OfType<MdTableCell>())
            {
                var paragraphs = cell.OfType<ParagraphBlock>().Select(p =>
                {
                    var para = Paragraph(p.Inline, null);
                    if (row.IsHeader)
                    {
                        foreach (var run in para.Elements<Run>())
                        {
                            run.RunProperties ??= new RunProperties();
                            run.RunProperties.Bold = new Bold();
                        }
                    }
                    return para;
                }).ToList();
                var tableCell = new DocumentFormat.OpenXml.Wordprocessing.TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }));
                tableCell.Append(paragraphs.Count > 0 ? paragraphs : [new Paragraph()]);
                tableRow.Append(tableCell);
            }
            for (var missing = row.Count; missing < columns; missing++)
            {
                tableRow.Append(new DocumentFormat.OpenXml.Wordprocessing.TableCell(new Paragraph()));
            }
            result.Append(tableRow);
        }
        return result;
    }

    private readonly record struct Format(bool Bold = false, bool Italic = false, bool Strike = false, bool Code = false);

    private static IEnumerable<OpenXmlElement> Inlines(ContainerInline container, Format format)
    {
        var text = new StringBuilder();
        var elements = new List<OpenXmlElement>();
        void Flush()
        {
            if (text.Length > 0)
            {
                elements.Add(TextRun(text.ToString(), format));
                text.Clear();
            }
        }
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case CodeInline code:
                    Flush();
                    elements.Add(TextRun(code.Content, format with { Code = true }));
                    break;
                case LineBreakInline lineBreak when lineBreak.IsHard:
                    Flush();
                    elements.Add(new Run(new Break()));
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case TaskList task:
                    text.Append(task.Checked ? "☑ " : "☐ ");
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case EmphasisInline emphasis:
                    Flush();
                    var inner = emphasis.DelimiterChar switch
                    {
                        '*' or '_' when emphasis.DelimiterCount >= 2 => format with { Bold = true },
                        '*' or '_' => format with { Italic = true },
                        '~' when emphasis.DelimiterCount >= 2 => format with { Strike = true },
                        _ => format,
                    };
                    elements.AddRange(Inlines(emphasis, inner));
                    break;
                case ContainerInline other:
                    Flush();
                    elements.AddRange(Inlines(other, format));
                    break;
            }
        }
        Flush();
        return elements;
    }

    private static Run TextRun(string value, Format format)
    {
        var properties = new RunProperties();
        if (format.Code)
        {
            properties.Append(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" });
        }
        if (format.Bold)
        {
            properties.Append(new Bold());
        }
        if (format.Italic)
        {
            properties.Append(new Italic());
        }
        if (format.Strike)
        {
            properties.Append(new Strike());
        }
        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }
        run.Append(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    // XML 1.0 forbids most control characters; Word refuses a file containing them. Case data with them is
    // refused before rendering; this keeps a template's own text from breaking the file. Line breaks are runs here.
    internal static string Clean(string value) => UnsafeCharacters.Strip(value).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
