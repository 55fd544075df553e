using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Content;

namespace Portal.Checklists;

/// <summary>Reads the task items ("- [ ] ...") of a checklist document with their section headings, from the Markdig syntax tree.</summary>
public sealed class ChecklistParser(MarkdownRenderer renderer)
{
    public const string ChecklistType = DocumentTypes.Checklist;

    public ChecklistDefinition Parse(LibraryDocument document) => Parse(document.Slug, document.Title, document.VersionNumber, document.Body, renderer.Pipeline);

    public static ChecklistDefinition Parse(string slug, string title, int version, string markdown, MarkdownPipeline pipeline)
    {
        var ast = Markdown.Parse(markdown, pipeline);
        var sections = new List<ChecklistSection>();
        string? heading = null;
        var items = new List<ChecklistItem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in ast.Descendants())
        {
            if (block is HeadingBlock h && h.Level <= 3)
            {
                Flush(sections, heading, items);
                heading = Text(h.Inline);
                items = [];
            }
            else if (block is ListItemBlock item && item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList } paragraph)
            {
                var text = Text(paragraph.Inline);
                if (text.Length == 0)
                {
                    continue;
                }
                var key = Key(heading, text);
                var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
                items.Add(new ChecklistItem(occurrence == 1 ? key : $"{key}-{occurrence}", text, Depth(item), item.Line + 1));
            }
        }
        Flush(sections, heading, items);
        return new ChecklistDefinition(slug, title, version, sections);
    }

    private static void Flush(List<ChecklistSection> sections, string? heading, List<ChecklistItem> items)
    {
        if (items.Count > 0)
        {
            sections.Add(new ChecklistSection(heading, items));
        }
    }

    private static int Depth(ListItemBlock item)
    {
        var depth = 0;
        for (var parent = item.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ListItemBlock)
            {
                depth++;
            }
        }
        return depth;
    }

    // Plain text of an item: literals, code and link texts; line breaks become spaces; the checkbox itself is skipped.
    private static string Text(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }
        var sb = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content);
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
            }
        }
        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Key(string? heading, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((heading ?? "") + "\n" + text)))[..16];
}
