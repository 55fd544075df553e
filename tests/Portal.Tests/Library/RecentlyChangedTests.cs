using Portal.Library;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Library;

public class RecentlyChangedTests
{
    [Fact]
    public async Task Top_UsesTheDocumentsOwnDate_AndSortsTiesInDanish()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());
        await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);
        var docs = harness.Snapshot.LibraryDocuments.Take(5).ToList();
        var imported = DateTimeOffset.UtcNow;
        var corpus = new[]
        {
            docs[0] with { Title = "Åben rådgivning", Updated = new DateOnly(2026, 3, 1), VersionNumber = 1, ChangedAt = imported },
            docs[1] with { Title = "Ældre vejledning", Updated = new DateOnly(2026, 3, 1), VersionNumber = 1, ChangedAt = imported },
            docs[2] with { Title = "Afslag", Updated = new DateOnly(2026, 3, 1), VersionNumber = 1, ChangedAt = imported },
            docs[3] with { Title = "Nyeste", Updated = new DateOnly(2026, 10, 5), VersionNumber = 1, ChangedAt = imported },
            docs[4] with { Title = "Rettet i portalen", Updated = new DateOnly(2025, 1, 1), VersionNumber = 3, ChangedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero) },
        };

        var top = RecentlyChanged.Top(corpus, 5).Select(d => d.Title).ToList();

        Assert.Equal(["Rettet i portalen", "Nyeste", "Afslag", "Ældre vejledning", "Åben rådgivning"], top);
    }
}
