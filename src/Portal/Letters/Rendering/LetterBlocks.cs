using System.Globalization;
using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// A letter's Markdown cut into top-level blocks that Markdig renders the same alone as together, so the HTML of the
/// template's fixed text (the rules, the contact block, the klagevejledning) is rendered once and reused for every
/// letter, and only the blocks holding case data are parsed again. Cut only where nothing can reach across the cut.
/// </summary>
public static class LetterBlocks
{
    /// <summary>
    /// The blocks, or null when the text holds something whose meaning can reach across blank lines (raw HTML,
    /// fences, link reference definitions, footnotes): such a letter is rendered whole.
    /// </summary>
    public static List<string>? Split(string markdown)
    {
        if (markdown.AsSpan().IndexOfAny('<', '\r', '\t') >= 0 || markdown.Contains("```", StringComparison.Ordinal)
            || markdown.Contains("~~~", StringComparison.Ordinal) || markdown.Contains("]:", StringComparison.Ordinal)
            || markdown.Contains("[^", StringComparison.Ordinal))
        {
            return null;
        }
        var blocks = new List<string>();
        var blockStart = -1; // where the current block's first line starts
        var blockEnd = -1; // where its last non-blank line ends
        var afterBlank = false;
        var position = 0;
        while (position <= markdown.Length)
        {
            var newline = markdown.IndexOf('\n', position);
            var end = newline < 0 ? markdown.Length : newline;
            var line = markdown.AsSpan(position, end - position);
            if (line.IsWhiteSpace())
            {
                afterBlank = blockStart >= 0;
            }
            else
            {
                // A definition (": text") may follow its term after a blank line, so a definition list can reach across.
                if (line.TrimStart(' ')[0] == ':')
                {
                    return null;
                }
                if (blockStart >= 0 && afterBlank && StartsOwnBlock(line))
                {
                    blocks.Add(markdown[blockStart..blockEnd]);
                    blockStart = -1;
                }
                if (blockStart < 0)
                {
                    blockStart = position;
                }
                blockEnd = end;
                afterBlank = false;
            }
            if (newline < 0)
            {
                break;
            }
            position = newline + 1;
        }
        if (blockStart >= 0)
        {
            blocks.Add(markdown[blockStart..blockEnd]);
        }
        return blocks;
    }

    // A line at the margin after a blank line that cannot continue what came before: not a list item (a list with
    // blank lines between its items is one list), not indented (a list item's or a code block's continuation),
    // not a table row, definition or thematic break, and not "a." or "iv)" (Markdig's letter and roman lists).
    // Words and headings, which is what letters are made of.
    private static bool StartsOwnBlock(ReadOnlySpan<char> line)
    {
        var first = line[0];
        if (first is '#' or '\\' || (first == '>' && line.Length > 1 && line[1] == ' '))
        {
            return true;
        }
        if (!char.IsLetter(first))
        {
            return false;
        }
        var letters = 0;
        while (letters < line.Length && char.IsAsciiLetter(line[letters]))
        {
            letters++;
        }
        return !(letters is > 0 and <= 6 && letters < line.Length && line[letters] is '.' or ')');
    }

    /// <summary>
    /// The texts in a letter that identify the citizen, as they appear in its Markdown: the typed texts and lists,
    /// dates, and the recipients' names and addresses, line by line. A block that holds one of them is never kept.
    /// </summary>
    public static IReadOnlyList<string> PersonalTexts(TemplateDefinition template, FieldValues values, IEnumerable<Recipient> recipients)
    {
        var texts = new List<string>();
        void Add(string? markdown)
        {
            foreach (var line in MarkdownLines(markdown))
            {
                texts.Add(line);
            }
        }
        foreach (var field in template.Fields)
        {
            switch (values[field.Name])
            {
                case string s when field.Type != FieldType.Choice:
                    Add(MarkdownText.Escape(s, multiline: field.Type == FieldType.LongText));
                    break;
                case IReadOnlyList<string> list:
                    foreach (var item in list)
                    {
                        Add(MarkdownText.Escape(item));
                    }
                    break;
                case DateOnly d:
                    // A date of birth identifies as much as a name: in the forms a template can print it.
                    texts.Add(DanishFormat.Date(d));
                    texts.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    texts.Add(d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
                    texts.Add(d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
                    texts.Add(d.ToString("d.M.yyyy", CultureInfo.InvariantCulture));
                    break;
            }
        }
        foreach (var recipient in recipients)
        {
            Add(MarkdownText.Escape(recipient.Name));
            Add(MarkdownText.Escape(recipient.Address, multiline: true));
        }
        return texts;
    }

    /// <summary>True when the block holds one of the texts (case-insensitive: a template may print a name in capitals).</summary>
    public static bool HoldsAny(string block, IReadOnlyList<string> texts)
    {
        foreach (var text in texts)
        {
            if (block.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // Escaped multi-line text ends each line with a backslash (a hard break) and separates paragraphs by a blank line.
    private static IEnumerable<string> MarkdownLines(string? markdown)
    {
        foreach (var raw in (markdown ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\\').Trim();
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
