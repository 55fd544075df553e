using Portal.Content;

namespace Portal.Tests.Infrastructure;

/// <summary>The fixture library imported once, for component tests that only read it.</summary>
public static class FixtureSnapshot
{
    private static readonly Lazy<Task<LibrarySnapshot>> s_snapshot = new(async () =>
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        await harness.Synchronizer.SyncAsync();
        return harness.Snapshot;
    });

    public static Task<LibrarySnapshot> GetAsync() => s_snapshot.Value;
}
