using System.Text.Json;
using Portal.Audit;

namespace Portal.Letters;

/// <summary>
/// Records each generated letter: template id, version and hash, the phrases' hashes, engine, format and
/// user. Never the field values or recipients: the audit log holds no case data.
/// </summary>
public sealed class LetterAudit(IServiceScopeFactory scopes)
{
    private static readonly string s_engine = "Scriban " + typeof(Scriban.Template).Assembly.GetName().Version;

    public async Task WriteAsync(Auth.UserProfile user, LetterResult result, TemplateSet set, string format, CancellationToken cancellationToken = default)
    {
        var template = result.Template;
        var compiled = TemplateCache.Shared.Compile(template);
        var (partials, _) = set.Partials.Closure(compiled);
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
        });
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(user, AuditActions.LetterGenerated, template.Slug, details, cancellationToken);
    }
}
