namespace Portal.Content;

/// <summary>
/// A feature's extra validation of a parsed document (e.g. templates must compile and render their sample).
/// Runs at import and in the editor; an Error keeps the document from being served.
/// </summary>
public interface IDocumentCheck
{
    IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context);

    /// <summary>
    /// The folders whose stored texts the check reads across documents (<see cref="ParseContext.Sources"/>); only
    /// these texts are loaded for a build, not the whole library.
    /// </summary>
    IReadOnlyList<string> SourceFolders => [];
}
