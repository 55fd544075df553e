namespace Portal.Content;

/// <summary>
/// Every § reference in a document that is not on its law's list of verified paragraphs (love.yml) becomes a warning on
/// Indholdsfejl, with the line: an unchecked reference is visible, never a silent guess.
/// </summary>
public sealed class LawReferenceCheck : IDocumentCheck
{
    public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context)
    {
        var seen = new HashSet<(string, string)>();
        var bodyStart = document.FrontMatter.BodyStartLine;
        foreach (var match in context.Laws.FindAll(document.Body))
        {
            if (!match.Law.IsUnverified(match.Paragraph) || !seen.Add((match.Law.Key, match.Paragraph)))
            {
                continue;
            }
            var line = bodyStart + document.Body[..match.Index].Count(c => c == '\n');
            yield return new ContentIssue(document.FilePath, line, IssueSeverity.Warning,
                $"Henvisningen '{match.Text}' er ikke bekræftet: {match.Law.Name} § {match.Paragraph} står ikke under 'verificerede-paragraffer' i {LawCatalog.FileName}. Slå paragraffen op, og tilføj den, når den er tjekket.");
        }
    }
}
