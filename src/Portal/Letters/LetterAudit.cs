using System.Text.Json;
using Portal.Audit;

namespace Portal.Letters;

/// <summary>
/// Records each generated letter: template id, version and hash, the phrases' hashes, engine, format and
/// user, and for the statistics the template's outcome, area and main paragraph as they were then. Never the field
/// values or recipients: the audit log holds no case data.
/// </summary>
public sealed class LetterAudit(IServiceScopeFactory scopes)
{
    private static readonly string s_engine = "Scriban " + typeof(Scriban.Template).Assembly.GetName().Version;

    public async Task WriteAsync(Auth.UserProfile user, LetterResult result, TemplateSet set, string format, CancellationToken cancellationToken = default)
    {
        var template = result.Template;
        var compiled = TemplateCache.Shared.Compile(template);
        var (partials, _) = set.Partials.Closure(compiled);
        var classification = Classify(template);
        var details = JsonSerializer.Serialize(new
        {
            template = template.Slug,
            version = template.Document.VersionNumber,
            hash = template.Document.ContentHash,
            bodyHash = Content.ContentHash.Of(template.Body),
            partials = partials.OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Hash),
            format,
            letters = result.Letters.Count,
            engine = s_engine,
            culture = "da-DK",
            outcome = classification.Outcome,
            area = classification.Area,
            paragraph = classification.Paragraph,
        });
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(user, AuditActions.LetterGenerated, template.Slug, details, cancellationToken);
    }

    /// <summary>
    /// What the statistics count a letter by, all from the template (never the case): the afgørelsestype of a decision
    /// ("afslag", "bevilling", ...; null for letters), the område key, and the first lovgrundlag entry, which the
    /// templates list as the main paragraph (the procedural laws follow it).
    /// </summary>
    public static LetterClassification Classify(TemplateDefinition template) => new(
        template.Kind == TemplateKind.Decision && template.DecisionType is { } type ? TemplateNames.Key(type) : null,
        Content.AreaNames.Key(template.Document.Area),
        template.Document.LegalBasis.FirstOrDefault()?.Text);
}

/// <summary>A generated letter's template facts as recorded in the audit log.</summary>
public sealed record LetterClassification(string? Outcome, string Area, string? Paragraph);
