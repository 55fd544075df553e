using Portal.Audit;
using Portal.Auth;
using Portal.Documents;

namespace Portal.Editing;

/// <summary>A save from the editor or the API; <paramref name="Material"/> ("alle", "område:børn", "rolle:jurist") marks a publish "væsentlig".</summary>
public sealed record SaveRequest(string Slug, string Text, Guid ExpectedStamp, string? Comment, bool Publish, int? ResolvesConflictId = null, string? Material = null);

public sealed record RestoreRequest(string Slug, int VersionNumber, Guid ExpectedStamp, string? Comment);

/// <summary>The editor's saves, publishes and restores, as changes to the document store.</summary>
public sealed class DocumentEditor(DocumentStore store)
{
    public const int MaxCommentLength = DocumentStore.MaxCommentLength;

    public const string MissingPublishComment = DocumentStore.MissingPublishComment;

    public Task<EditorDocument?> LoadAsync(string slug, CancellationToken cancellationToken = default) => store.LoadAsync(slug, cancellationToken);

    /// <summary>Saves or publishes; <paramref name="alsoSave"/> adds rows in the same transaction (a material-change mark).</summary>
    public Task<EditResult> SaveAsync(SaveRequest request, UserProfile user, Action<Data.PortalDbContext, StoredDocument, DocumentVersion>? alsoSave,
        CancellationToken cancellationToken = default) =>
        store.CommitAsync(new DocumentChange(request.Slug, request.Text, request.ExpectedStamp, request.Comment,
            request.Publish ? VersionState.Published : VersionState.Draft, VersionSource.Editor,
            request.Publish ? AuditActions.Publish : AuditActions.SaveDraft)
        { ResolvesConflictId = request.ResolvesConflictId }, user, cancellationToken, alsoSave);

    public Task<EditResult> SaveAsync(SaveRequest request, UserProfile user, CancellationToken cancellationToken = default) =>
        SaveAsync(request, user, null, cancellationToken);

    /// <summary>Restores an old version as a new published version; history is never rewritten.</summary>
    public Task<EditResult> RestoreAsync(RestoreRequest request, UserProfile user, CancellationToken cancellationToken = default) =>
        store.RestoreAsync(request.Slug, request.VersionNumber, request.ExpectedStamp, request.Comment, user, cancellationToken);

    internal static string Normalize(string? slug) => DocumentStore.Normalize(slug);
}
