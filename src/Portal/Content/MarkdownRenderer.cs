using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Content;

/// <summary>A link from one document to another, found while rendering.</summary>
public sealed record DocumentLink(string TargetSlug, string? Anchor, int Line, string Written);

public sealed record RenderedMarkdown(Lazy<string> LazyHtml, IReadOnlyList<TocEntry> Toc, IReadOnlyList<DocumentLink> Links, IReadOnlyList<string> Headings)
{
    /// <summary>Sanitised HTML, produced on first use: validation at import needs only the syntax tree.</summary>
    public string Html => LazyHtml.Value;

    /// <summary>Whether the HTML goes through the sanitiser (false only when asked to skip it and nothing needs it).</summary>
    public bool Sanitized { get; init; } = true;
}

/// <summary>
/// Renders content Markdown with one shared Markdig pipeline: tables, task lists, heading anchors,
/// alert blocks, law references turned into links, relative .md links rewritten, and sanitising.
/// </summary>
public sealed class MarkdownRenderer(HtmlSafety safety)
{
    public const string DocumentRoute = "/dokument/";

    /// <summary>The document page's address, its segments escaped one by one so the path keeps its slashes.</summary>
    public static string DocumentUrl(string slug) =>
        DocumentRoute + string.Join('/', Portal.Documents.DocumentStore.Normalize(slug).Split('/').Select(Uri.EscapeDataString));

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAlertBlocks()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseListExtras()
        .UseEmphasisExtras()
        .UseDefinitionLists()
        .UseFootnotes()
        .Build();

    public MarkdownPipeline Pipeline => _pipeline;

    /// <param name="slug">The rendering document's identity, used to resolve relative links; null for text without a home (letters).</param>
    /// <param name="lineOffset">Added to Markdig's 0-based line numbers so links report file lines.</param>
    /// <param name="sanitizeOnlyWhenNeeded">
    /// Skip the sanitiser when the tree holds nothing it could change (no raw HTML, no task-list inputs, only
    /// safe link schemes): Markdig then escapes all text itself. Letters use it: the sanitiser is most of their render time.
    /// </param>
    public RenderedMarkdown Render(string markdown, string? slug, LawCatalog laws, int lineOffset = 1, bool sanitizeOnlyWhenNeeded = false)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        var links = new List<DocumentLink>();
        var toc = new List<TocEntry>();
        var headings = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        // Text without a home (a letter) has no relative links to resolve: no walk over its tree for them.
        foreach (var link in slug is null ? [] : document.Descendants<LinkInline>().ToList())
        {
            if (!link.IsImage && ResolveDocumentLink(slug!, link.Url) is { } target)
            {
                links.Add(new DocumentLink(target.Slug, target.Anchor, link.Line + lineOffset, link.Url ?? ""));
                link.Url = DocumentRoute + target.Slug + (target.Anchor is null ? "" : "#" + target.Anchor);
            }
        }

        LinkLawReferences(document, laws);

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = InlineText(heading.Inline);
            headings.Add(text);
            var id = heading.GetAttributes().Id;
            if (id is not null)
            {
                ids.Add(id);
            }
            if (heading.Level is 2 or 3 && id is not null)
            {
                toc.Add(new TocEntry(heading.Level, id, text));
            }
        }

        var sanitize = !sanitizeOnlyWhenNeeded || NeedsSanitizing(document);
        return new RenderedMarkdown(new Lazy<string>(() => ToHtml(document, sanitize, ids)), toc, links, headings) { Sanitized = sanitize };
    }

    /// <summary>True when rendering could emit markup the sanitiser would remove or rewrite.</summary>
    public static bool NeedsSanitizing(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline or Markdig.Extensions.TaskLists.TaskList:
                    return true;
                // Aligned columns get style attributes, which the sanitiser strips.
                case Markdig.Extensions.Tables.Table table when table.ColumnDefinitions.Any(c => c.Alignment is not null):
                    return true;
                // Images are checked against the allowed sources (the portal itself, data:, configured hosts).
                case LinkInline { IsImage: true }:
                    return true;
                case LinkInline link when !IsSafeUrl(link.Url):
                    return true;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    return true;
            }
        }
        return false;
    }

    // Relative and fragment links, or one of the schemes the sanitiser allows.
    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }
        var colon = url.IndexOfAny([':', '/', '?', '#']);
        if (colon < 0 || url[colon] != ':')
        {
            return true;
        }
        var scheme = url[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase) || scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
    }

    private string ToHtml(MarkdownDocument document, bool sanitize, IReadOnlySet<string> generatedIds)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var html = sanitize ? safety.Sanitize(writer.ToString(), generatedIds) : writer.ToString();
        return WrapTables(html);
    }

    /// <summary>A wide table scrolls inside its own box on a narrow screen, reachable by keyboard, instead of widening the page.</summary>
    public static string WrapTables(string html) => html.Contains("<table", StringComparison.Ordinal)
        ? html.Replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel, kan rulles vandret\"><table>", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal)
        : html;

    /// <summary>Resolves a relative link to a .md file into a document identity; null for external or non-document links.</summary>
    public static (string Slug, string? Anchor)? ResolveDocumentLink(string fromSlug, string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.StartsWith('#') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : url[(hash + 1)..];
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        path = Uri.UnescapeDataString(path[..^3]);
        var parts = new List<string>();
        if (!path.StartsWith('/'))
        {
            parts.AddRange(fromSlug.Split('/')[..^1]);
        }
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }
        return (string.Join('/', parts).ToLowerInvariant(), string.IsNullOrEmpty(anchor) ? null : anchor);
    }

    private static void LinkLawReferences(MarkdownDocument document, LawCatalog laws)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (IsInsideLink(literal))
            {
                continue;
            }
            var text = literal.Content.ToString();
            var matches = laws.FindAll(text);
            if (matches.Count == 0)
            {
                continue;
            }
            Inline previous = literal;
            var position = 0;
            foreach (var match in matches)
            {
                var url = laws.UrlFor(match.Law, match.Paragraph);
                if (url is null)
                {
                    continue;
                }
                if (match.Index > position)
                {
                    previous = InsertAfter(previous, new LiteralInline(text[position..match.Index]));
                }
                var link = new LinkInline(url, $"{match.Law.Name} på lovportalen");
                link.AppendChild(new LiteralInline(match.Text));
                link.GetAttributes().AddClass("lovhenvisning");
                previous = InsertAfter(previous, link);
                position = match.Index + match.Length;
            }
            if (position == 0)
            {
                continue;
            }
            if (position < text.Length)
            {
                InsertAfter(previous, new LiteralInline(text[position..]));
            }
            literal.Remove();
        }
    }

    private static Inline InsertAfter(Inline after, Inline inline)
    {
        after.InsertAfter(inline);
        return inline;
    }

    private static bool IsInsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }
        return false;
    }

    public static string InlineText(ContainerInline? inline)
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
                case LiteralInline lit:
                    sb.Append(lit.Content);
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
            }
        }
        return sb.ToString().Trim();
    }
}
