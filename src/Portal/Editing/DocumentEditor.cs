using Portal.Audit;
using Portal.Auth;
using Portal.Documents;

namespace Portal.Editing;

public sealed record SaveRequest(string Slug, string Text, Guid ExpectedStamp, string? Comment, bool Publish, int? ResolvesConflictId = null);

public sealed record RestoreRequest(string Slug, int VersionNumber, Guid ExpectedStamp, string? Comment);

/// <summary>The editor's saves, publishes and restores, as changes to the document store.</summary>
public sealed class DocumentEditor(DocumentStore store)
{
    public const int MaxCommentLength = DocumentStore.MaxCommentLength;

    public const string MissingPublishComment = DocumentStore.MissingPublishComment;

    public Task<EditorDocument?> LoadAsync(string slug, CancellationToken cancellationToken = default) => store.LoadAsync(slug, cancellationToken);

    public Task<EditResult> SaveAsync(SaveRequest request, UserProfile user, CancellationToken cancellationToken = default) =>
        store.CommitAsync(new DocumentChange(request.Slug, request.Text, request.ExpectedStamp, request.Comment,
            request.Publish ? VersionState.Published : VersionState.Draft, VersionSource.Editor,
            request.Publish ? AuditActions.Publish : AuditActions.SaveDraft)
        { ResolvesConflictId = request.ResolvesConflictId }, user, cancellationToken);

    /// <summary>Restores an old version as a new published version; history is never rewritten.</summary>
    public Task<EditResult> RestoreAsync(RestoreRequest request, UserProfile user, CancellationToken cancellationToken = default) =>
        store.RestoreAsync(request.Slug, request.VersionNumber, request.ExpectedStamp, request.Comment, user, cancellationToken);

    internal static string Normalize(string? slug) => DocumentStore.Normalize(slug);
}
