namespace Portal.Letters;

/// <summary>
/// Field values another tool (checklist, transition planner, handover) hands to the letter form in the
/// same circuit, so case data never travels in a URL. The letter page takes and clears it.
/// </summary>
public sealed class LetterPrefill
{
    private (string TemplateSlug, IReadOnlyDictionary<string, object?> Values)? _pending;

    public void Set(string templateSlug, IReadOnlyDictionary<string, object?> values) => _pending = (templateSlug, values);

    /// <summary>Returns and clears the values meant for this template, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Take(string templateSlug)
    {
        if (_pending is { } p && string.Equals(p.TemplateSlug, templateSlug, StringComparison.OrdinalIgnoreCase))
        {
            _pending = null;
            return p.Values;
        }
        return null;
    }
}
