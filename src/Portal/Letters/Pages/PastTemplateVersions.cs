using Portal.Content;
using Portal.Governance;

namespace Portal.Letters;

/// <summary>An earlier published version of a template, read as a template, with the banner its preview must carry.</summary>
public sealed record PastTemplate(TemplateDefinition Template, PublishedVersion Version, string Banner);

/// <summary>
/// "Sammenlign med en tidligere version": finds a template's earlier published versions through the as-of store and
/// renders the caseworker's form with one of them, for comparison only. A past version never becomes a final letter:
/// there is no DOCX, print or send path from it, and its preview always carries the comparison banner.
/// </summary>
public sealed class PastTemplateVersions(DocumentAsOf asOf, LetterService letters)
{
    /// <summary>Published versions other than the one in force, newest first.</summary>
    public async Task<IReadOnlyList<PublishedVersion>> EarlierAsync(TemplateDefinition current, CancellationToken cancellationToken = default) =>
        (await asOf.PublishedVersionsAsync(current.Slug, cancellationToken)).Where(v => v.Number != current.Document.VersionNumber).ToList();

    /// <summary>The version as a template; null when it is not published or no longer reads as one (its error is shown instead).</summary>
    public async Task<PastTemplate?> LoadAsync(TemplateDefinition current, PublishedVersion version, CancellationToken cancellationToken = default)
    {
        if (await asOf.PublishedVersionAsync(current.Slug, version.Number, cancellationToken) is not { } document)
        {
            return null;
        }
        return TemplateReader.Read(document).Template is { } template ? new PastTemplate(template, version, Banner(version, current)) : null;
    }

    /// <summary>Always a preview: placeholders for what is not filled in, and never final.</summary>
    public LetterResult Render(TemplateSet set, PastTemplate past, LetterRequest request, Caseworker caseworker) =>
        letters.Generate(set, past.Template, request, caseworker, preview: true);

    public static string Banner(PublishedVersion version, TemplateDefinition current) =>
        $"Tidligere version – kun til sammenligning. Sådan så skabelonen ud i version {version.Number}, udgivet {DanishFormat.DateTime(version.PublishedAt)}; " +
        $"den gældende version er version {current.Document.VersionNumber}. Brevet kan ikke hentes, udskrives eller sendes fra denne version. Fraserne er de gældende.";

    /// <summary>"Version 3, udgivet 1. juni 2025 kl. 10.15" for the version picker.</summary>
    public static string Label(PublishedVersion version) => $"Version {version.Number}, udgivet {DanishFormat.DateTime(version.PublishedAt)}";
}
