namespace Portal.Content;

/// <summary>
/// "[udfyldes af kommunen]" (optionally "[udfyldes af kommunen: telefon og åbningstider]"): local facts only the
/// municipality has, such as contact lines, which the shipped content cannot know. They are never guessed: the
/// content check lists them on Indholdsfejl, and the document page says they are open, most loudly in a pamphlet
/// that is handed to citizens.
/// </summary>
public static class LocalPlaceholders
{
    public const string Marker = "[udfyldes af kommunen";

    /// <summary>The 1-based body lines that still hold a placeholder.</summary>
    public static IReadOnlyList<int> Lines(string body)
    {
        var lines = new List<int>();
        var number = 1;
        foreach (var line in body.Split('\n'))
        {
            if (line.Contains(Marker, StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(number);
            }
            number++;
        }
        return lines;
    }

    public static int Count(string body)
    {
        var count = 0;
        for (var at = body.IndexOf(Marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(Marker, at + Marker.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }
        return count;
    }

    /// <summary>Text that is given to citizens (pamphlets), where an open placeholder must not be handed out.</summary>
    public static bool IsForCitizens(LibraryDocument document) => document.Type == DocumentTypes.Pamphlet;
}

/// <summary>Lists every document with open local placeholders on Indholdsfejl (a warning: the text is still useful).</summary>
public sealed class LocalPlaceholderCheck : IDocumentCheck
{
    public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context)
    {
        // Templates have their own, stricter rule: a letter with an open placeholder can never be final.
        if (document.IsTemplate)
        {
            yield break;
        }
        var lines = LocalPlaceholders.Lines(document.Body);
        if (lines.Count == 0)
        {
            yield break;
        }
        var bodyStart = document.FrontMatter.BodyStartLine;
        var count = LocalPlaceholders.Count(document.Body);
        var where = string.Join(", ", lines.Take(5).Select(l => (l + bodyStart - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var fields = DanishFormat.Count(count, "sted", "steder");
        var message = LocalPlaceholders.IsForCitizens(document)
            ? $"Pjecen gives til borgere, men {fields} skal stadig udfyldes af kommunen (linje {where}). Skriv kommunens egne oplysninger, fx kontaktoplysninger, før pjecen udleveres."
            : $"{fields} skal stadig udfyldes af kommunen (linje {where}). Skriv kommunens egne oplysninger.";
        yield return new ContentIssue(document.FilePath, lines[0] + bodyStart - 1, IssueSeverity.Warning, message);
    }
}
