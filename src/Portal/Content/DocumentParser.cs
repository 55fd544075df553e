using System.Globalization;

namespace Portal.Content;

/// <summary>A document's slug and full text (front matter and body) as stored.</summary>
public sealed record SourceDocument(string Slug, string Text);

/// <summary>
/// The shared context a document is parsed against: roster, laws, options, and the texts of every document in the
/// same build, so cross-document checks (phrases for templates) see exactly the set being built.
/// </summary>
public sealed record ParseContext(Roster Roster, LawCatalog Laws, ContentOptions Options)
{
    public IReadOnlyList<SourceDocument> Sources { get; init; } = [];
}

public sealed record ParseResult(LibraryDocument? Document, IReadOnlyList<ContentIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>Validates front matter and renders a document; the same rules run at import and in the editor.</summary>
public sealed class DocumentParser(MarkdownRenderer renderer, IEnumerable<IDocumentCheck> checks)
{
    private static readonly string[] s_procedureSections = ["Formål", "Handling", "Inddragelse", "Tid"];

    public ParseResult Parse(string slug, string filePath, string text, ParseContext context)
    {
        var issues = new List<ContentIssue>();
        var split = FrontMatterReader.Read(text, filePath);
        if (split.Error is not null || split.FrontMatter is null)
        {
            issues.Add(split.Error ?? new ContentIssue(filePath, 1, IssueSeverity.Error, "Front matter mangler."));
            return new ParseResult(null, issues);
        }
        var fm = split.FrontMatter;

        var title = fm.GetString(FrontMatterKeys.Title);
        if (title is null)
        {
            issues.Add(Error(filePath, fm.LineOf(FrontMatterKeys.Title), "Feltet 'titel' mangler. Skriv dokumentets titel, fx 'titel: Meddelelse af afslag'."));
        }

        var ownerKey = fm.GetString(FrontMatterKeys.Owner);
        var owner = context.Roster.Find(ownerKey);
        if (ownerKey is null)
        {
            issues.Add(Error(filePath, fm.LineOf(FrontMatterKeys.Owner), "Feltet 'tovholder' mangler. Angiv en nøgle fra tovholdere.yml."));
        }
        else if (owner is null)
        {
            issues.Add(Error(filePath, fm.LineOf(FrontMatterKeys.Owner), $"Tovholderen '{ownerKey}' findes ikke i tovholdere.yml."));
        }

        var reviewDate = ReadDate(fm, FrontMatterKeys.ReviewDate, filePath, issues, required: true);
        var updated = ReadDate(fm, FrontMatterKeys.Updated, filePath, issues, required: false);

        var type = DocumentTypes.Of(fm, slug);
        if (!context.Options.DocumentTypes.ContainsKey(type))
        {
            issues.Add(Error(filePath, fm.LineOf(FrontMatterKeys.Type), $"Ukendt type '{type}'. Gyldige typer: {string.Join(", ", context.Options.DocumentTypes.Keys)}."));
        }

        var areaText = fm.GetString(FrontMatterKeys.Area);
        var area = Area.Shared;
        if (areaText is not null && !AreaNames.TryParse(areaText, out area))
        {
            issues.Add(Error(filePath, fm.LineOf(FrontMatterKeys.Area), $"Ukendt område '{areaText}'. Brug børn, voksen eller fælles."));
        }

        var legalBasis = fm.GetList(FrontMatterKeys.LegalBasis).Select(context.Laws.Parse).ToList();
        foreach (var reference in legalBasis.Where(r => r.Url is null))
        {
            issues.Add(Warning(filePath, fm.LineOf(FrontMatterKeys.LegalBasis), $"Lovhenvisningen '{reference.Text}' blev ikke genkendt og får derfor intet link. Skriv fx 'Barnets Lov § 86' eller 'SEL § 85'."));
        }

        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            return new ParseResult(null, issues);
        }

        var rendered = renderer.Render(split.Body, slug, context.Laws, split.BodyStartLine);
        if (type == DocumentTypes.Procedure)
        {
            CheckCommonFormat(split.Body, filePath, split.BodyStartLine, issues);
        }

        var document = new LibraryDocument
        {
            Slug = slug,
            FilePath = filePath,
            Folder = slug.Contains('/') ? slug[..slug.LastIndexOf('/')] : "",
            Title = title!,
            Type = type,
            TypeLabel = context.Options.DocumentTypes[type],
            Area = area,
            Owner = owner!,
            ReviewDate = reviewDate!.Value,
            LegalBasis = legalBasis,
            Phase = fm.GetString(FrontMatterKeys.Phase),
            Tags = fm.GetList(FrontMatterKeys.Tags, splitCommas: true),
            Summary = fm.GetString(FrontMatterKeys.Summary),
            Updated = updated,
            HtmlSource = DocumentHtml.Held(rendered.LazyHtml),
            Toc = rendered.Toc,
            Headings = rendered.Headings,
            Body = split.Body,
            LazyFrontMatter = new Lazy<FrontMatter>(fm),
            Links = rendered.Links,
            Warnings = issues.Where(i => i.Severity == IssueSeverity.Warning).ToList(),
        };
        foreach (var check in checks)
        {
            issues.AddRange(check.Check(document, context));
        }
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            return new ParseResult(null, issues);
        }
        return new ParseResult(document with { Warnings = issues.Where(i => i.Severity == IssueSeverity.Warning).ToList() }, issues);
    }

    private static DateOnly? ReadDate(FrontMatter fm, string key, string file, List<ContentIssue> issues, bool required)
    {
        var value = fm.GetString(key);
        if (value is null)
        {
            if (required)
            {
                issues.Add(Error(file, fm.LineOf(key), $"Feltet '{key}' mangler. Skriv datoen som ÅÅÅÅ-MM-DD, fx '{key}: 2027-06-30'."));
            }
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        issues.Add(Error(file, fm.LineOf(key), $"'{key}' skal være en gyldig dato som 2027-06-30, men er '{value}'."));
        return null;
    }

    /// <summary>The common format (formål; handling: hvad, hvem, hvornår; inddragelse: hvem, hvorfor, hvornår; tid).</summary>
    internal static void CheckCommonFormat(string body, string file, int bodyStartLine, List<ContentIssue> issues)
    {
        var sections = SplitSections(body);
        foreach (var name in s_procedureSections)
        {
            if (!sections.ContainsKey(name))
            {
                issues.Add(Warning(file, bodyStartLine, $"Arbejdsgangen mangler afsnittet '## {name}' fra det fælles format (formål, handling, inddragelse, tid)."));
            }
        }
        RequireWords(sections, "Handling", ["hvad", "hvem", "hvornår"], file, bodyStartLine, issues);
        RequireWords(sections, "Inddragelse", ["hvem", "hvorfor", "hvornår"], file, bodyStartLine, issues);
    }

    private static void RequireWords(Dictionary<string, (string Text, int Line)> sections, string section, string[] words, string file, int bodyStartLine, List<ContentIssue> issues)
    {
        if (!sections.TryGetValue(section, out var content))
        {
            return;
        }
        var missing = words.Where(w => !content.Text.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            issues.Add(Warning(file, bodyStartLine + content.Line, $"Afsnittet '{section}' skal beskrive {string.Join(", ", words)}; der mangler: {string.Join(", ", missing)}."));
        }
    }

    private static Dictionary<string, (string Text, int Line)> SplitSections(string body)
    {
        var result = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
        var lines = body.Split('\n');
        string? current = null;
        var start = 0;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "## ";
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    result.TryAdd(current, (text.ToString(), start));
                }
                var heading = line[3..].Trim();
                current = s_procedureSections.FirstOrDefault(s => heading.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ?? heading;
                start = i;
                text.Clear();
            }
            else
            {
                text.AppendLine(line);
            }
        }
        return result;
    }

    private static ContentIssue Error(string file, int line, string message) => new(file, line, IssueSeverity.Error, message);

    private static ContentIssue Warning(string file, int line, string message) => new(file, line, IssueSeverity.Warning, message);
}
