using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Portal.Content;

/// <summary>
/// The one place rendered HTML is made safe. An allowlist of what procedures need: text, lists, tables, links,
/// images from the portal itself (or data: or configured hosts) and the renderer's own task-list checkboxes.
/// No script, event handlers, forms or form controls, styles, author classes or author ids.
/// Every Markdown rendering (imported, edited, letters) goes through it.
/// </summary>
public sealed partial class HtmlSafety
{
    private static readonly string[] s_tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
        "sub", "sup", "small", "code", "pre", "kbd", "samp", "var", "abbr", "cite", "q", "blockquote", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "a", "img",
        "span", "div", "details", "summary", "figure", "figcaption", "input",
    ];

    private static readonly string[] s_attributes =
        ["href", "src", "alt", "title", "colspan", "rowspan", "start", "type", "checked", "disabled", "aria-label", "class", "id", "lang"];

    // Classes the Markdown pipeline itself emits (law links, alert blocks, task lists, footnotes); authors get no others.
    private static readonly HashSet<string> s_rendererClasses = new(StringComparer.Ordinal)
    {
        "lovhenvisning", "markdown-alert", "markdown-alert-title", "markdown-alert-note", "markdown-alert-tip",
        "markdown-alert-important", "markdown-alert-warning", "markdown-alert-caution", "contains-task-list",
        "task-list-item", "task-list-item-checkbox", "footnotes", "footnote-ref", "footnote-back-ref",
    };

    private static readonly string[] s_imageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"];

    private readonly HtmlSanitizer _sanitizer;
    private readonly HashSet<string> _imageHosts;

    [ThreadStatic]
    private static IReadOnlySet<string>? t_generatedIds;

    /// <param name="imageHosts">Hosts besides the portal itself that images may come from (Content:AllowedImageHosts).</param>
    public HtmlSafety(IEnumerable<string>? imageHosts = null)
    {
        _imageHosts = new HashSet<string>(imageHosts ?? [], StringComparer.OrdinalIgnoreCase);
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        _sanitizer.AllowedTags.UnionWith(s_tags);
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.UnionWith(s_attributes);
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto", "tel", "data"]);
        _sanitizer.UriAttributes.Clear();
        _sanitizer.UriAttributes.UnionWith(["href", "src"]);
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = FilterUrl(e.Tag, e.SanitizedUrl);
        _sanitizer.PostProcessNode += (_, e) => PostProcess(e.Node);
    }

    /// <summary>Sanitises HTML that carries no renderer-made ids (every id is dropped).</summary>
    public string Sanitize(string html) => Sanitize(html, null);

    /// <param name="generatedIds">Ids the renderer produced itself (heading anchors); every other id is an author's and is dropped.</param>
    public string Sanitize(string html, IReadOnlySet<string>? generatedIds)
    {
        t_generatedIds = generatedIds;
        try
        {
            return _sanitizer.Sanitize(html);
        }
        finally
        {
            t_generatedIds = null;
        }
    }

    private string? FilterUrl(IElement tag, string? sanitized)
    {
        if (sanitized is null)
        {
            return null;
        }
        var trimmed = sanitized.Trim();
        var isImage = tag is IHtmlImageElement;
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return isImage && s_imageTypes.Any(t => trimmed.AsSpan(5).StartsWith(t, StringComparison.OrdinalIgnoreCase)) ? sanitized : null;
        }
        if (!isImage)
        {
            return sanitized;
        }
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("\\", StringComparison.Ordinal) || trimmed.StartsWith("/\\", StringComparison.Ordinal))
        {
            return Uri.TryCreate("https:" + trimmed, UriKind.Absolute, out var protocolRelative) && _imageHosts.Contains(protocolRelative.Host) ? sanitized : null;
        }
        if (trimmed.StartsWith('/') || !trimmed.Contains(':', StringComparison.Ordinal))
        {
            return sanitized; // a path on the portal itself
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && _imageHosts.Contains(absolute.Host)
            ? sanitized
            : null;
    }

    private static void PostProcess(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }
        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s_rendererClasses.Contains).ToList();
            if (kept.Count == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", string.Join(' ', kept));
            }
        }
        if (element.GetAttribute("id") is { } id && !(t_generatedIds?.Contains(id) == true || FootnoteId().IsMatch(id)))
        {
            element.RemoveAttribute("id");
        }
        if (element is IHtmlInputElement input)
        {
            LabelCheckbox(input);
        }
    }

    // Markdig emits task-list checkboxes without a label (an accessibility failure): name them after their item.
    // Any other input is a form control and is removed.
    private static void LabelCheckbox(IHtmlInputElement input)
    {
        if (!string.Equals(input.Type, "checkbox", StringComparison.OrdinalIgnoreCase))
        {
            input.Remove();
            return;
        }
        var label = input.ParentElement?.TextContent.Trim();
        input.SetAttribute("aria-label", string.IsNullOrEmpty(label) ? "Punkt" : label);
        input.SetAttribute("disabled", "disabled");
    }

    // Markdig's footnotes: fn:1 and fnref:1 link a reference and its note.
    [GeneratedRegex("^fn(ref)?:[0-9]{1,4}$")]
    private static partial Regex FootnoteId();
}
