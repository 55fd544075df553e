using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Search;

/// <summary>Markdown (and Scriban template code) to readable plain text for indexing and snippets.</summary>
public static partial class PlainText
{
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex TemplateCode();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*(?:#{1,6}\s+|>\s*(?:\[![A-Z]+\])?\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+\.\s+)")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"\*\*|__|`|<[^>]+>")]
    private static partial Regex Emphasis();

    public static string FromMarkdown(string markdown)
    {
        var text = TemplateCode().Replace(markdown, " ");
        text = Link().Replace(text, "$1");
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("|-", StringComparison.Ordinal) || line.StartsWith("| -", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }
            line = LinePrefix().Replace(line, "");
            line = Emphasis().Replace(line, "");
            if (line.StartsWith('|'))
            {
                line = string.Join(" · ", line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0));
            }
            if (line.Length > 0)
            {
                sb.Append(line).Append('\n');
            }
        }
        return sb.ToString();
    }
}
