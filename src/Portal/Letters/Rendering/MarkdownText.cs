using System.Text;

namespace Portal.Letters;

/// <summary>
/// Makes case data literal in Markdown: every ASCII punctuation character is backslash-escaped, so
/// `**bold**`, `&lt;script&gt;`, `[link](javascript:x)` and `{{ 7*7 }}` print as typed, in HTML and DOCX alike.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string? text, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var sb = new StringBuilder(text.Length + 16);
        if (!multiline)
        {
            AppendLine(sb, string.Join(' ', lines.Select(l => l.Trim()).Where(l => l.Length > 0)));
            return sb.ToString();
        }
        var pendingBreak = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                pendingBreak = sb.Length == 0 ? "" : "\n\n";
                continue;
            }
            // A backslash before the newline is a hard line break: the author's lines stay lines.
            sb.Append(pendingBreak);
            AppendLine(sb, line);
            pendingBreak = "\\\n";
        }
        return sb.ToString();
    }

    private static void AppendLine(StringBuilder sb, string line)
    {
        foreach (var c in line)
        {
            if (c is '\t')
            {
                sb.Append(' ');
            }
            else if (char.IsControl(c))
            {
                continue;
            }
            else
            {
                if ((c < 128 && char.IsPunctuation(c)) || c is '$' or '+' or '<' or '=' or '>' or '^' or '`' or '|' or '~')
                {
                    sb.Append('\\');
                }
                sb.Append(c);
            }
        }
    }
}
