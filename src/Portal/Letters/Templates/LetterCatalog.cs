using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// The templates of the served snapshot, built once per snapshot: phrases compiled, and every template's
/// sample rendered against them so a template broken by a phrase change is held back, not served.
/// </summary>
public sealed class LetterCatalog(ContentCatalog content, TemplateValidator validator, RateFiles rateFiles, ILogger<LetterCatalog> logger)
{
    private readonly Lock _gate = new();
    private TemplateSet _set = TemplateSet.Empty;

    public TemplateSet Current
    {
        get
        {
            var snapshot = content.Current;
            lock (_gate)
            {
                if (!ReferenceEquals(_set.Snapshot, snapshot))
                {
                    _set = Build(snapshot);
                }
                return _set;
            }
        }
    }

    private TemplateSet Build(LibrarySnapshot snapshot)
    {
        var partials = PartialSet.FromDocuments(snapshot.Documents);
        var rates = rateFiles.Current();
        var templates = new List<TemplateDefinition>();
        var problems = new List<ContentIssue>();
        foreach (var document in snapshot.Documents.Where(TemplateReader.IsTemplate))
        {
            if (TemplateReader.Read(document).Template is not { Kind: not TemplateKind.Phrase } template)
            {
                continue;
            }
            var errors = validator.Validate(template, partials, rates).Where(i => i.Severity == IssueSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                templates.Add(template);
            }
            else
            {
                problems.AddRange(errors);
                logger.LogWarning("Skabelonen {Slug} vises ikke: {Problem}", template.Slug, errors[0].Message);
            }
        }
        templates.Sort((a, b) => StringComparer.Create(DanishFormat.Culture, false).Compare(a.Title, b.Title));
        return new TemplateSet(snapshot, partials, templates, problems, rates);
    }
}
