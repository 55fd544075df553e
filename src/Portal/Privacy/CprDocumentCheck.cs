using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Privacy;

/// <summary>
/// A document must never contain a CPR number: an error on import (the file is listed on Indholdsfejl and not
/// published) and in the editor (the save is refused), with the line and without repeating the number.
/// </summary>
public sealed partial class CprDocumentCheck : IDocumentCheck
{
    public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context)
    {
        var frontMatter = document.FrontMatter.Yaml.Split('\n');
        for (var i = 0; i < frontMatter.Length; i++)
        {
            // A SHA-256 the portal writes (godkendt_hash) is 64 hex digits, and some hold ten digits in a row that
            // read as a date and a serial number: that refused a jurist's approval at random.
            if (CprDetector.Contains(Sha256Hex().Replace(frontMatter[i], "#")))
            {
                yield return Issue(document.FilePath, i + 2);
            }
        }
        var bodyStart = document.FrontMatter.BodyStartLine;
        var body = document.Body.Split('\n');
        for (var i = 0; i < body.Length; i++)
        {
            if (CprDetector.Contains(body[i]))
            {
                yield return Issue(document.FilePath, bodyStart + i);
            }
        }
    }

    private static ContentIssue Issue(string file, int line) => new(file, line, IssueSeverity.Error,
        $"Linje {line} ser ud til at indeholde et CPR-nummer. Et dokument i portalen må aldrig indeholde CPR-numre eller andre oplysninger om borgere: fjern det.");

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Hex();
}
