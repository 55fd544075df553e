using Portal.Auth;
using Portal.Governance;

namespace Portal.Tests.Governance;

/// <summary>Read-confirmation data for component tests; empty unless a test fills it.</summary>
public sealed class FakeReadConfirmations : IReadConfirmationView
{
    public List<PendingRead> Pending { get; } = [];
    public Dictionary<string, DocumentReadState> States { get; } = [];
    public List<DocumentCoverage> Coverage { get; } = [];

    public Task<IReadOnlyList<PendingRead>> PendingForAsync(UserProfile user, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PendingRead>>(Pending);

    public Task<DocumentReadState?> StateForAsync(string slug, UserProfile user, CancellationToken cancellationToken = default) =>
        Task.FromResult(States.GetValueOrDefault(slug));

    public Task<IReadOnlyList<DocumentCoverage>> CoverageAsync(string? slug = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentCoverage>>(Coverage.Where(c => slug is null || c.Slug == slug).ToList());
}
