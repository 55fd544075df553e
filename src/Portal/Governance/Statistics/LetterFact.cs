using System.Text.Json;
using Portal.Audit;
using Portal.Letters;

namespace Portal.Governance;

/// <summary>One generated letter as the statistics see it: when, which template, and the template's classification.</summary>
public sealed record LetterFact(DateTimeOffset At, string Template, LetterClassification Classification)
{
    /// <summary>
    /// Reads a "dan-brev" audit entry. Entries written before the classification was recorded (December 2026) fall
    /// back to the template's current classification; an entry whose template is gone and unclassified counts as a
    /// letter of unknown outcome.
    /// </summary>
    public static LetterFact From(AuditEntry entry, Func<string, TemplateDefinition?> findTemplate)
    {
        string? outcome = null, area = null, paragraph = null;
        var recorded = false;
        if (entry.Details is { Length: > 0 } details && details[0] == '{')
        {
            try
            {
                using var json = JsonDocument.Parse(details);
                var root = json.RootElement;
                recorded = root.TryGetProperty("area", out var a) && a.ValueKind == JsonValueKind.String;
                area = recorded ? a.GetString() : null;
                outcome = root.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
                paragraph = root.TryGetProperty("paragraph", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            }
            catch (JsonException)
            {
                // A hand-written or truncated detail: count the letter, classify it from the template.
            }
        }
        if (!recorded && findTemplate(entry.Target) is { } template)
        {
            return new LetterFact(entry.At, entry.Target, LetterAudit.Classify(template));
        }
        return new LetterFact(entry.At, entry.Target, new LetterClassification(outcome, area ?? "", paragraph));
    }
}
