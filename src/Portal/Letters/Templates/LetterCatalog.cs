using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// The templates of the served snapshot, built once per snapshot: phrases compiled, and every template's
/// sample rendered against them so a template broken by a phrase change is held back, not served.
/// A template whose text and phrases are unchanged keeps its earlier verdict, and a new snapshot is built
/// as soon as it is published, off the request path: otherwise the first letter page after any content
/// change (a checklist saved, a procedure edited) waited for every template's sample to render again.
/// </summary>
public sealed class LetterCatalog
{
    private readonly ContentCatalog _content;
    private readonly TemplateValidator _validator;
    private readonly RateFiles _rateFiles;
    private readonly ILogger<LetterCatalog> _logger;
    private readonly Lock _gate = new();
    private TemplateSet _set = TemplateSet.Empty;
    private Dictionary<string, Verdict> _verdicts = new(StringComparer.OrdinalIgnoreCase);
    private RateTable? _verdictRates;

    /// <summary>What validation said about one template text against one set of phrases.</summary>
    private sealed record Verdict(string Key, TemplateDefinition? Template, IReadOnlyList<ContentIssue> Errors);

    public LetterCatalog(ContentCatalog content, TemplateValidator validator, RateFiles rateFiles, ILogger<LetterCatalog> logger)
    {
        _content = content;
        _validator = validator;
        _rateFiles = rateFiles;
        _logger = logger;
        _content.Changed += _ => Task.Run(Warm);
    }

    public TemplateSet Current
    {
        get
        {
            var snapshot = _content.Current;
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

    private void Warm()
    {
        try
        {
            _ = Current;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Skabelonerne kunne ikke bygges i baggrunden; de bygges ved næste brev");
        }
    }

    private TemplateSet Build(LibrarySnapshot snapshot)
    {
        var partials = PartialSet.FromDocuments(snapshot.Documents);
        var rates = _rateFiles.Current();
        if (!ReferenceEquals(rates, _verdictRates))
        {
            // A changed rate table can change any sample's verdict.
            _verdicts = new(StringComparer.OrdinalIgnoreCase);
            _verdictRates = rates;
        }
        var phrasesKey = string.Join('|', snapshot.Documents
            .Where(d => d.Slug.StartsWith(TemplateNames.PhraseFolder, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Slug + ":" + d.ContentHash + ":" + d.VersionNumber));
        var templates = new List<TemplateDefinition>();
        var problems = new List<ContentIssue>();
        var verdicts = new Dictionary<string, Verdict>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in snapshot.Documents.Where(TemplateReader.IsTemplate))
        {
            var key = document.ContentHash.Length == 0 ? null : document.ContentHash + ":" + document.VersionNumber + "|" + phrasesKey;
            if (key is null || !_verdicts.TryGetValue(document.Slug, out var verdict) || verdict.Key != key)
            {
                verdict = Validate(document, partials, rates, key ?? "");
            }
            if (key is not null)
            {
                verdicts[document.Slug] = verdict;
            }
            if (verdict.Template is { } template)
            {
                templates.Add(template);
            }
            problems.AddRange(verdict.Errors);
        }
        _verdicts = verdicts;
        templates.Sort((a, b) => StringComparer.Create(DanishFormat.Culture, false).Compare(a.Title, b.Title));
        return new TemplateSet(snapshot, partials, templates, problems, rates);
    }

    private Verdict Validate(LibraryDocument document, PartialSet partials, RateTable rates, string key)
    {
        if (TemplateReader.Read(document).Template is not { Kind: not TemplateKind.Phrase } template)
        {
            return new Verdict(key, null, []);
        }
        var errors = _validator.Validate(template, partials, rates).Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return new Verdict(key, template, []);
        }
        _logger.LogWarning("Skabelonen {Slug} vises ikke: {Problem}", template.Slug, errors[0].Message);
        return new Verdict(key, null, errors);
    }
}
