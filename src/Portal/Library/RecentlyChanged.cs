using Portal.Content;

namespace Portal.Library;

/// <summary>
/// "Senest ændret" on the start page: newest first by the document's own date (front matter 'opdateret', or the
/// day it was edited in the portal), not by import time, so a fresh install does not list everything alike.
/// Ties in Danish alphabetical order (æ, ø, å last).
/// </summary>
public static class RecentlyChanged
{
    private static readonly StringComparer s_danish = StringComparer.Create(DanishFormat.Culture, ignoreCase: true);

    public static IReadOnlyList<LibraryDocument> Top(IEnumerable<LibraryDocument> documents, int count) => documents
        .OrderByDescending(ChangedOn)
        .ThenBy(d => d.Title, s_danish)
        .Take(count)
        .ToList();

    /// <summary>The later of 'opdateret' and a portal edit (version 2 and on); an import alone is no change.</summary>
    public static DateOnly ChangedOn(LibraryDocument document)
    {
        var updated = document.Updated ?? DateOnly.MinValue;
        var edited = document.VersionNumber > 1 ? DateOnly.FromDateTime(document.ChangedAt.ToLocalTime().DateTime) : DateOnly.MinValue;
        return updated > edited ? updated : edited;
    }
}
