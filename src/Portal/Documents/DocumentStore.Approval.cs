using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;

namespace Portal.Documents;

/// <summary>A rule that may hold a publish back, e.g. a change that needs a second person's approval first; null lets it through.</summary>
public interface IPublishGate
{
    string? RefusePublish(LibraryDocument document, DocumentChange change);
}

public sealed partial class DocumentStore
{
    public const string ChangedSinceSubmission =
        "Dokumentet er ændret, efter det blev sendt til godkendelse. Godkendelsen gælder ikke den nye tekst: forfatteren skal sende det til godkendelse igen.";

    /// <summary>
    /// Saves a draft and sends it for approval in one transaction: <paramref name="request"/> adds the approval request
    /// for the new version. When the text equals the latest draft, no version is added and the caller records the request.
    /// </summary>
    public Task<EditResult> SubmitDraftAsync(string slug, string text, Guid expectedStamp, string? comment, UserProfile author,
        Action<PortalDbContext, StoredDocument, DocumentVersion> request, CancellationToken cancellationToken = default) =>
        CommitAsync(new DocumentChange(slug, text, expectedStamp, comment, VersionState.Draft, VersionSource.Editor, AuditActions.SubmitForApproval), author, cancellationToken, request);

    /// <summary>
    /// Publishes the version a second person approved. Refused when a newer version exists: the approval covered other text.
    /// <paramref name="finalize"/> may add to the text before publishing (a template's juridisk_status).
    /// </summary>
    public async Task<EditResult> PublishApprovedAsync(string slug, int versionNumber, string? comment, UserProfile approver, Func<string, string>? finalize,
        Action<PortalDbContext, StoredDocument, DocumentVersion>? alsoSave, CancellationToken cancellationToken = default)
    {
        slug = Normalize(slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (document is null)
        {
            return EditResult.NotFound(slug);
        }
        if (document.LatestVersionNumber != versionNumber)
        {
            return EditResult.Refused(ChangedSinceSubmission);
        }
        var text = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == document.Id && v.Number == versionNumber).Select(v => v.Content).FirstAsync(cancellationToken);
        text = finalize?.Invoke(text) ?? text;
        return await CommitAsync(new DocumentChange(slug, text, document.ConcurrencyStamp, comment, VersionState.Published, VersionSource.Approval, AuditActions.Approve),
            approver, cancellationToken, alsoSave);
    }
}
