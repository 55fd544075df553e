using Portal.Auth;
using Portal.Content;
using Portal.Documents;

namespace Portal.Editing;

public sealed record MoveRequest(string Slug, string NewSlug, Guid ExpectedStamp);

/// <summary>
/// Moves or renames a document: the identity changes, history follows, the old address redirects to the
/// new one (old links and bookmarks keep working), and the file is moved in content/.
/// </summary>
public sealed class DocumentMover(DocumentStore store, ContentCatalog catalog)
{
    public async Task<EditResult> MoveAsync(MoveRequest request, UserProfile user, CancellationToken cancellationToken = default)
    {
        var from = DocumentStore.Normalize(request.Slug);
        var to = DocumentStore.Normalize(request.NewSlug);
        if (DocumentSlug.Problem(to) is { } problem)
        {
            return EditResult.Invalid([new FieldError("adresse", 0, problem)]);
        }
        if (from == to)
        {
            return EditResult.Invalid([new FieldError("adresse", 0, "Den nye adresse er den samme som den gamle.")]);
        }
        if (from.Split('/')[0] != to.Split('/')[0])
        {
            return EditResult.Invalid([new FieldError("adresse", 0, "Et dokument kan ikke flyttes mellem arbejdsgange/ og skabeloner/.")]);
        }
        var linkedFrom = catalog.Current.Documents.Where(d => d.Links.Any(l => l.TargetSlug == from)).Select(d => d.Slug).ToList();
        var result = await store.MoveAsync(from, to, request.ExpectedStamp, user, cancellationToken);
        if (result.Succeeded && linkedFrom.Count > 0)
        {
            return result with { Message = result.Message + $" {DanishFormat.Count(linkedFrom.Count, "dokument", "dokumenter")} linker til den gamle adresse; linkene virker, men bør rettes: {string.Join(", ", linkedFrom)}." };
        }
        return result;
    }
}
