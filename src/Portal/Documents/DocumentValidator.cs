using System.Globalization;
using System.Text;
using Portal.Content;

namespace Portal.Documents;

public sealed record ValidationResult(LibraryDocument? Document, IReadOnlyList<FieldError> Errors, IReadOnlyList<ContentIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Validates edited text exactly as the import does (DocumentParser with every IDocumentCheck, plus links),
/// and ties each error to the form field it belongs to.
/// </summary>
public sealed class DocumentValidator(DocumentParser parser, ContentCatalog catalog, ContentOptions options, RedirectTable redirects)
{
    public static readonly string[] Fields = FrontMatterKeys.FormFields;

    public ValidationResult Validate(string slug, string text)
    {
        var snapshot = catalog.Current;
        var context = new ParseContext(snapshot.Roster, snapshot.Laws, options) { Sources = snapshot.Sources };
        var result = parser.Parse(slug, slug + ".md", text, context);
        var issues = result.Issues.ToList();
        if (result.Document is { } document)
        {
            foreach (var link in document.Links.Where(l => l.TargetSlug != slug && snapshot.Find(l.TargetSlug) is null && redirects.Resolve(l.TargetSlug) is null))
            {
                issues.Add(new ContentIssue(slug + ".md", link.Line, IssueSeverity.Error, $"Linket '{link.Written}' peger på et dokument, der ikke findes ('{link.TargetSlug}')."));
            }
        }
        var errors = issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => ToFieldError(i, text)).ToList();
        var warnings = issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
        return new ValidationResult(errors.Count == 0 ? result.Document : null, errors, warnings);
    }

    /// <summary>Refuses text larger than an import accepts, before anything is parsed.</summary>
    public string? SizeProblem(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= options.MaxFileBytes
            ? null
            : string.Create(DanishFormat.Culture, $"Teksten er for stor ({bytes / 1024:N0} KB). Den største tilladte størrelse er {options.MaxFileBytes / 1024:N0} KB. Del dokumentet op i flere.");
    }

    /// <summary>The field named in the message ('titel'), else the front matter key on the issue's line, else the body.</summary>
    public static FieldError ToFieldError(ContentIssue issue, string text)
    {
        var named = Fields.FirstOrDefault(f => issue.Message.Contains($"'{f}'", StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return new FieldError(named, issue.Line, issue.Message);
        }
        // A YAML error without a precise position belongs to the front matter as a whole.
        if (issue.Message.StartsWith("Front matter", StringComparison.Ordinal) && !issue.Message.Contains("(linje ", StringComparison.Ordinal))
        {
            return new FieldError("frontmatter", issue.Line, issue.Message);
        }
        var split = DocumentText.Split(text);
        var yamlLines = split.FrontMatter.Length == 0 ? 0 : split.FrontMatter.Count(c => c == '\n');
        // The front matter's first line is file line 2; the body starts after the closing '---'.
        if (split.FrontMatter.Length == 0 || issue.Line <= 1 || issue.Line <= yamlLines + 1)
        {
            var yamlLine = issue.Line - 2;
            var key = FrontMatterEditor.Keys(split.FrontMatter).FirstOrDefault(k => yamlLine >= k.StartLine && yamlLine < Math.Max(k.EndLine, k.StartLine + 1));
            var field = key is null ? null : Fields.FirstOrDefault(f => FrontMatterEditor.SameKey(key.Key, f));
            return new FieldError(field ?? "frontmatter", issue.Line, issue.Message);
        }
        return new FieldError("tekst", issue.Line, issue.Message);
    }

    public static string FieldLabel(string field) => field switch
    {
        "titel" => "Titel",
        "tovholder" => "Tovholder",
        "revideres" => "Revideres senest",
        "type" => "Type",
        "område" => "Område",
        "lovgrundlag" => "Lovgrundlag",
        "tags" => "Tags",
        "resumé" => "Resumé",
        "opdateret" => "Opdateret",
        "fase" => "Fase",
        "tekst" => "Tekst",
        "kommentar" => "Ændringskommentar",
        _ => "Front matter",
    };

    internal static string Today(TimeProvider clock) => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
