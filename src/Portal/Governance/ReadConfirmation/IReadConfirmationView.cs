using Portal.Auth;

namespace Portal.Governance;

/// <summary>What the start page, the document page and the coverage page read; a seam so component tests need no database.</summary>
public interface IReadConfirmationView
{
    Task<IReadOnlyList<PendingRead>> PendingForAsync(UserProfile user, CancellationToken cancellationToken = default);

    Task<DocumentReadState?> StateForAsync(string slug, UserProfile user, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentCoverage>> CoverageAsync(string? slug = null, CancellationToken cancellationToken = default);
}
