using Portal.Content;

namespace Portal.Letters;

/// <summary>The picker's filters: type, område, lovgrundlag and a search in titles and tags.</summary>
public static class TemplateFilter
{
    public static IEnumerable<TemplateDefinition> Apply(IEnumerable<TemplateDefinition> templates, string? query, string? type, string? area, string? law)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize).ToList();
        return templates.Where(t =>
            (string.IsNullOrEmpty(type) || TemplateNames.Key(t.Kind) == type)
            && (string.IsNullOrEmpty(area) || AreaNames.Key(t.Document.Area) == area)
            && (string.IsNullOrEmpty(law) || t.Document.LegalBasis.Any(l => string.Equals(l.Text, law, StringComparison.OrdinalIgnoreCase)))
            && words.All(w => Normalize(t.Title).Contains(w, StringComparison.Ordinal) || t.Document.Tags.Any(tag => Normalize(tag).Contains(w, StringComparison.Ordinal))));
    }

    private static string Normalize(string text) => TextNormalizer.ToAscii(text.ToLowerInvariant());
}
