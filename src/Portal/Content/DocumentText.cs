namespace Portal.Content;

/// <summary>A document's full text split into its YAML front matter and its Markdown body, and joined again.</summary>
public sealed record DocumentText(string FrontMatter, string Body)
{
    public static DocumentText Split(string text)
    {
        text = TextNormalizer.NormalizeNewlines(text);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new DocumentText("", text);
        }
        var pos = 3;
        while ((pos = text.IndexOf("\n---", pos, StringComparison.Ordinal)) >= 0)
        {
            var lineEnd = text.IndexOf('\n', pos + 1);
            var line = lineEnd < 0 ? text[(pos + 1)..] : text[(pos + 1)..lineEnd];
            if (line.TrimEnd() == "---")
            {
                return new DocumentText(text[4..(pos + 1)], lineEnd < 0 ? "" : text[(lineEnd + 1)..]);
            }
            pos += 4;
        }
        return new DocumentText("", text);
    }

    public string Compose()
    {
        var yaml = FrontMatter.Length == 0 || FrontMatter.EndsWith('\n') ? FrontMatter : FrontMatter + "\n";
        return "---\n" + yaml + "---\n" + Body;
    }
}
