using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Content;

namespace Portal.Transition;

/// <summary>A row of a procedure's Handling table: what, who, when.</summary>
public sealed record ProcedureStep(string What, string Who, string When);

/// <summary>Reads the steps table that follows a bold label (e.g. "**Planlagt skift**") in a procedure, so the handover page shows the procedure's own steps.</summary>
public static class ProcedureSteps
{
    public static IReadOnlyList<ProcedureStep> After(string markdown, string label, MarkdownPipeline pipeline)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return [];
        }
        var document = Markdown.Parse(markdown, pipeline);
        var found = false;
        foreach (var block in document)
        {
            if (block is ParagraphBlock paragraph && string.Equals(Text(paragraph.Inline), label.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                found = true;
            }
            else if (found && block is Table table)
            {
                return table.OfType<TableRow>().Where(r => !r.IsHeader)
                    .Select(r => r.OfType<TableCell>().Select(c => Text(c.Descendants<ParagraphBlock>().FirstOrDefault()?.Inline)).ToList())
                    .Where(cells => cells.Count >= 3)
                    .Select(cells => new ProcedureStep(cells[0], cells[1], cells[2]))
                    .ToList();
            }
            else if (found && block is HeadingBlock)
            {
                break;
            }
        }
        return [];
    }

    private static string Text(ContainerInline? inline) => MarkdownRenderer.InlineText(inline);
}
