using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>Everything shipped under content/ must import without errors: content edits are gated like code.</summary>
public class ShippedContentTests
{
    [Fact]
    public async Task ShippedContent_HasNoErrors()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());

        await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);

        var errors = harness.Snapshot.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => $"{i.File}:{i.Line}: {i.Message}").ToList();
        Assert.True(errors.Count == 0, "Fejl i content/:\n" + string.Join('\n', errors));
        Assert.NotEmpty(harness.Snapshot.Documents);
    }

    [Fact]
    public async Task ShippedProcedures_FollowTheCommonFormat()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());

        await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);

        var warnings = harness.Snapshot.Issues.Where(i => i.Message.Contains("fælles format") || i.Message.Contains("skal beskrive")).Select(i => $"{i.File}: {i.Message}").ToList();
        Assert.True(warnings.Count == 0, "Arbejdsgange uden det fælles format:\n" + string.Join('\n', warnings));
    }
}
