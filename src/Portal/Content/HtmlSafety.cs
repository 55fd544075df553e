using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Portal.Content;

/// <summary>
/// The one place rendered HTML is made safe: no script, no event handlers, no javascript: URLs.
/// Every Markdown rendering (imported, edited, letters) goes through it.
/// </summary>
public sealed class HtmlSafety
{
    private readonly HtmlSanitizer _sanitizer;

    public HtmlSafety()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            _sanitizer.AllowedSchemes.Add(scheme);
        }
        _sanitizer.AllowedTags.Add("input");
        foreach (var attr in new[] { "id", "class", "type", "checked", "disabled", "aria-label", "role", "colspan", "rowspan" })
        {
            _sanitizer.AllowedAttributes.Add(attr);
        }
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.PostProcessNode += (_, e) => LabelCheckbox(e.Node);
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    // Markdig emits task-list checkboxes without a label (an accessibility failure): name them after their item.
    private static void LabelCheckbox(INode node)
    {
        if (node is IHtmlInputElement input)
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
    }
}
