namespace Portal.Content;

/// <summary>
/// Changes a parsed document as it is served, never its stored text or file (e.g. the demo install's sample review
/// dates). Runs on every snapshot rebuild, so an adjustment must be cheap and depend only on the document.
/// </summary>
public interface IDocumentAdjuster
{
    LibraryDocument Adjust(LibraryDocument document);
}
