using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portal.Content;

/// <summary>The result of splitting a Markdown file into front matter and body.</summary>
public sealed record SplitDocument(FrontMatter? FrontMatter, string Body, int BodyStartLine, ContentIssue? Error);

/// <summary>Splits "---" delimited YAML front matter from a Markdown body and parses it.</summary>
public static class FrontMatterReader
{
    public static SplitDocument Read(string text, string file)
    {
        text = TextNormalizer.NormalizeNewlines(text);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return Fail(text, file, 1, "Filen mangler front matter: den skal begynde med en linje med '---', derefter felterne (titel, tovholder, revideres) og igen '---'.");
        }

        var end = FindClosingDelimiter(text);
        if (end < 0)
        {
            return Fail(text, file, 1, "Front matter er ikke afsluttet: der mangler en linje med '---' efter felterne.");
        }

        var yaml = text[4..end];
        var bodyStart = text.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        var bodyStartLine = CountLines(text, bodyStart < 0 ? text.Length : bodyStart + 1);

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return new SplitDocument(null, body, bodyStartLine,
                    new ContentIssue(file, 2, IssueSeverity.Error, "Front matter skal være felter på formen 'navn: værdi'."));
            }
            // YAML lines are 1-based within the block, which starts on file line 2.
            return new SplitDocument(new FrontMatter(root, yaml, 1, bodyStartLine), body, bodyStartLine, null);
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + 1;
            var detail = ex.InnerException?.Message ?? ex.Message;
            return new SplitDocument(null, body, bodyStartLine,
                new ContentIssue(file, line, IssueSeverity.Error, $"Front matter er ikke gyldig YAML (linje {line}, kolonne {ex.Start.Column}): {Translate(detail)}"));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some unterminated constructs instead of a YamlException.
            return new SplitDocument(null, body, bodyStartLine,
                new ContentIssue(file, 2, IssueSeverity.Error, $"Front matter er ikke gyldig YAML: en liste, et citat eller en klamme er ikke afsluttet korrekt. ({ex.Message})"));
        }
    }

    /// <summary>The body alone, without parsing the YAML (a document restored from the parse cache); null without front matter.</summary>
    public static string? BodyOf(string text) => PartsOf(text)?.Body;

    /// <summary>
    /// The front matter block (delimiters included) and the body, without parsing the YAML; null without front matter.
    /// <see cref="Read"/> of the head gives the same front matter, line numbers included, as of the whole text, so a
    /// document can keep the head for its lazily parsed front matter instead of a second copy of its whole text.
    /// </summary>
    public static (string Head, string Body)? PartsOf(string text)
    {
        text = TextNormalizer.NormalizeNewlines(text);
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || FindClosingDelimiter(text) is var end && end < 0)
        {
            return null;
        }
        var bodyStart = text.IndexOf('\n', end + 1);
        return bodyStart < 0 ? (text, "") : (text[..(bodyStart + 1)], text[(bodyStart + 1)..]);
    }

    /// <summary>
    /// <see cref="PartsOf(string)"/> of a text held as UTF-8 (as the database gives it on a restart): the head decoded,
    /// the body left as UTF-8, the same split to the byte. The delimiters are ASCII, so the positions are found in the
    /// bytes; a text with a byte order mark or carriage returns goes the string way, which normalises them.
    /// </summary>
    public static (string Head, byte[] Body)? PartsOf(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8) || utf8.Contains((byte)'\r'))
        {
            return PartsOf(System.Text.Encoding.UTF8.GetString(utf8)) is ({ } head, { } body) ? (head, System.Text.Encoding.UTF8.GetBytes(body)) : null;
        }
        if (!utf8.StartsWith("---\n"u8) || FindClosingDelimiter(utf8) is var end && end < 0)
        {
            return null;
        }
        var newline = utf8[(end + 1)..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            return (System.Text.Encoding.UTF8.GetString(utf8), []);
        }
        var bodyStart = end + 1 + newline + 1;
        return (System.Text.Encoding.UTF8.GetString(utf8[..bodyStart]), utf8[bodyStart..].ToArray());
    }

    /// <summary>Front matter parsed on first use from the head alone (see <see cref="PartsOf"/>).</summary>
    public static Lazy<FrontMatter> LazyFrom(string head, string file) =>
        new(() => Read(head, file).FrontMatter ?? throw new InvalidOperationException($"Front matter i {file} kunne ikke læses igen."));

    private static SplitDocument Fail(string text, string file, int line, string message) =>
        new(null, text, 1, new ContentIssue(file, line, IssueSeverity.Error, message));

    private static int FindClosingDelimiter(string text)
    {
        var pos = 3;
        while ((pos = text.IndexOf("\n---", pos, StringComparison.Ordinal)) >= 0)
        {
            var after = pos + 4;
            if (after == text.Length || text[after] == '\n' || (text[after] == ' ' && text.IndexOf('\n', after) is var nl && text[after..(nl < 0 ? text.Length : nl)].Trim().Length == 0))
            {
                return pos + 1;
            }
            pos = after;
        }
        return -1;
    }

    // FindClosingDelimiter(string) in UTF-8: the same rule, a line of "---" with nothing but white space after it.
    private static int FindClosingDelimiter(ReadOnlySpan<byte> text)
    {
        var pos = 3;
        while (text[pos..].IndexOf("\n---"u8) is var found and >= 0)
        {
            pos += found;
            var after = pos + 4;
            if (after == text.Length || text[after] == '\n')
            {
                return pos + 1;
            }
            if (text[after] == ' ')
            {
                var rest = text[after..];
                var nl = rest.IndexOf((byte)'\n');
                if (System.Text.Encoding.UTF8.GetString(nl < 0 ? rest : rest[..nl]).Trim().Length == 0)
                {
                    return pos + 1;
                }
            }
            pos = after;
        }
        return -1;
    }

    private static int CountLines(string text, int upTo)
    {
        var lines = 1;
        for (var i = 0; i < upTo && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines++;
            }
        }
        return lines;
    }

    // YamlDotNet messages are English; keep them but lead with the most common cause in Danish.
    private static string Translate(string message) =>
        message.Contains("mapping", StringComparison.OrdinalIgnoreCase)
            ? "et kolon i en værdi skal stå i anførselstegn. (" + message + ")"
            : message.Contains("did not find expected", StringComparison.OrdinalIgnoreCase)
                ? "en liste eller et citat er ikke afsluttet korrekt. (" + message + ")"
                : message;
}
