using Portal.Content;

namespace Portal.Privacy;

/// <summary>
/// A document must never contain a CPR number: an error on import (the file is listed on Indholdsfejl and not
/// published) and in the editor (the save is refused), with the line and without repeating the number.
/// </summary>
public sealed class CprDocumentCheck : IDocumentCheck
{
    public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context)
    {
        var frontMatter = document.FrontMatter.Yaml.Split('\n');
        for (var i = 0; i < frontMatter.Length; i++)
        {
            if (CprDetector.Contains(frontMatter[i]))
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
}
