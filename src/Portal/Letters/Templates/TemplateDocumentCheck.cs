using System.Runtime.CompilerServices;
using Portal.Content;

namespace Portal.Letters;

/// <summary>Runs the template checks at import and in the editor: a failing template is not served and shows on Indholdsfejl.</summary>
public sealed class TemplateDocumentCheck(TemplateValidator validator, RateFiles rates) : IDocumentCheck
{
    // One phrase set per build: every template in the build is checked against the phrases of that same build.
    private static readonly ConditionalWeakTable<ParseContext, PartialSet> s_phrases = new();

    public IReadOnlyList<string> SourceFolders { get; } = [TemplateNames.PhraseFolder];

    public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context)
    {
        if (!TemplateReader.IsTemplate(document))
        {
            return [];
        }
        var read = TemplateReader.Read(document);
        if (read.Template is not { } template)
        {
            return read.Issues;
        }
        return read.Issues.Concat(validator.Validate(template, s_phrases.GetValue(context, PhrasesOf), rates.Current()));
    }

    /// <summary>The phrases among the build's texts (skabeloner/fraser, type frase), read from the stored text, never from disk.</summary>
    public static PartialSet PhrasesOf(ParseContext context)
    {
        var phrases = new List<Partial>();
        foreach (var source in context.Sources.Where(s => s.Slug.StartsWith(TemplateNames.PhraseFolder, StringComparison.OrdinalIgnoreCase)))
        {
            var filePath = source.Slug + ".md";
            var split = FrontMatterReader.Read(source.Text, filePath);
            if (split.FrontMatter is not null && string.Equals(split.FrontMatter.GetString(FrontMatterKeys.Type), DocumentTypes.Phrase, StringComparison.OrdinalIgnoreCase))
            {
                phrases.Add(PartialSet.Create(source.Slug, filePath, split.Body, split.BodyStartLine));
            }
        }
        return new PartialSet(phrases);
    }
}
