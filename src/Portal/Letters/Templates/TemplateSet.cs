using Portal.Content;

namespace Portal.Letters;

/// <summary>The usable templates and phrases of one content snapshot, with templates that fail against its phrases.</summary>
public sealed class TemplateSet(LibrarySnapshot snapshot, PartialSet partials, IReadOnlyList<TemplateDefinition> templates, IReadOnlyList<ContentIssue> problems, RateTable? rates = null)
{
    public static readonly TemplateSet Empty = new(LibrarySnapshot.Empty, PartialSet.Empty, [], []);

    /// <summary>content/satser.yml as it was when the set was built: what <c>sats</c> reads.</summary>
    public RateTable Rates { get; } = rates ?? RateTable.Empty;

    private readonly Dictionary<string, TemplateDefinition> _bySlug = templates.ToDictionary(t => t.Slug, StringComparer.OrdinalIgnoreCase);

    public LibrarySnapshot Snapshot { get; } = snapshot;

    public LawCatalog Laws => Snapshot.Laws;

    public PartialSet Partials { get; } = partials;

    /// <summary>Decisions and letters that can be filled in (phrases are not listed).</summary>
    public IReadOnlyList<TemplateDefinition> Templates { get; } = templates;

    /// <summary>Templates held back because they fail with the current phrases (e.g. a phrase was removed).</summary>
    public IReadOnlyList<ContentIssue> Problems { get; } = problems;

    public TemplateDefinition? Find(string slug) => _bySlug.GetValueOrDefault(slug.Trim('/'));
}
