using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>The persisted parse cache: a restart restores what import computed, and anything stale is parsed again.</summary>
public class ParseCacheTests
{
    private const string Ventilen = "arbejdsgange/02-tilbud/ventilen";

    [Fact]
    public async Task Restart_WithPersistedEntries_ParsesNothingAndServesTheSameDocuments()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var before = harness.Snapshot.Find(Ventilen)!;
        var html = before.Html;

        var restarted = harness.Restarted();
        await restarted.SyncAsync(ct);

        Assert.Equal(3, harness.Synchronizer.ParseCount);
        Assert.Equal(0, restarted.ParseCount);
        var after = harness.Snapshot.Find(Ventilen)!;
        Assert.NotSame(before, after);
        Assert.Equal(html, after.Html);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Toc, after.Toc);
        Assert.Equal(before.Headings, after.Headings);
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.Owner, after.Owner);
        Assert.Equal(before.Warnings, after.Warnings);
        Assert.Equal(before.FrontMatter.Yaml, after.FrontMatter.Yaml);
    }

    [Fact]
    public async Task RebuildStored_OnAFirstStart_PublishesNothing_AfterAnImport_ServesTheStoredLibraryWithoutParsing()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        var empty = harness.Snapshot;

        Assert.False(await harness.Synchronizer.RebuildStoredAsync(ct));
        Assert.Same(empty, harness.Snapshot); // nothing stored: nothing published, the import comes next
        Assert.Equal(0, harness.Synchronizer.ParseCount);

        await harness.Synchronizer.SyncAsync(ct);
        var imported = harness.Snapshot;
        var restarted = harness.Restarted();
        Assert.True(await restarted.RebuildStoredAsync(ct));

        Assert.NotSame(imported, harness.Snapshot);
        Assert.Equal(imported.Documents.Select(d => d.Slug), harness.Snapshot.Documents.Select(d => d.Slug));
        Assert.Equal(imported.Find(Ventilen)!.Html, harness.Snapshot.Find(Ventilen)!.Html);
        Assert.Equal(0, restarted.ParseCount);
    }

    [Fact]
    public async Task Restart_WithTheWatcherOffOrAnotherHtmlCacheSize_ParsesNothing_AnotherImageHostParsesAll()
    {
        // A second node runs without the file watcher: its restart must still use the entries the first one wrote.
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var options = harness.Get<ContentOptions>();

        options.WatchFiles = !options.WatchFiles;
        options.HtmlCacheMegabytes *= 2;
        var restarted = harness.Restarted();
        await restarted.SyncAsync(ct);
        Assert.Equal(0, restarted.ParseCount);

        // What a parse does depend on (which image hosts the sanitiser allows) still makes it parse again.
        options.AllowedImageHosts = ["billeder.kommune.example"];
        var again = harness.Restarted();
        await again.SyncAsync(ct);
        Assert.Equal(3, again.ParseCount);
    }

    [Fact]
    public async Task WholeImport_KeepsNoHtmlInTheCache_YetServesIt_AnEditAfterwardsIsKept()
    {
        // More documents than a partial rebuild: their HTML goes to the parse cache only, not to the memory of pages read.
        using var content = TestContentDirectory.FromFixture();
        var template = File.ReadAllText(Path.Combine(content.Path, Ventilen + ".md"));
        for (var i = 0; i < 510; i++)
        {
            File.WriteAllText(Path.Combine(content.Path, "arbejdsgange", "02-tilbud", $"kopi-{i}.md"), template.Replace("ventilen", $"kopi {i}", StringComparison.OrdinalIgnoreCase));
        }
        await using var harness = await ContentHarness.CreateAsync(content);
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var cache = harness.Get<HtmlCache>();
        Assert.True(harness.Snapshot.Documents.Count > 500);
        Assert.Equal(0, cache.Count);

        var page = harness.Snapshot.Find("arbejdsgange/02-tilbud/kopi-7")!;
        Assert.Contains("<h2", page.Html);
        Assert.Equal(1, cache.Count); // read once: kept for the next reader

        File.AppendAllText(Path.Combine(content.Path, Ventilen + ".md"), "\nEn helt ny sætning om ventilen.\n");
        await harness.Synchronizer.SyncAsync(ct);
        Assert.True(cache.Contains(Ventilen, harness.Snapshot.Find(Ventilen)!.ContentHash));
    }

    [Fact]
    public async Task Restart_AfterFileChanged_ParsesOnlyThatDocument()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        File.AppendAllText(Path.Combine(harness.Content.Path, Ventilen + ".md"), "\nEn helt ny sætning om ventilen.\n");

        var restarted = harness.Restarted();
        await restarted.SyncAsync(ct);

        Assert.Equal(1, restarted.ParseCount);
        Assert.Contains("En helt ny sætning om ventilen.", harness.Snapshot.Find(Ventilen)!.Html);

        // The entry now holds the new version: the next restart parses nothing.
        var again = harness.Restarted();
        await again.SyncAsync(ct);
        Assert.Equal(0, again.ParseCount);
        Assert.Contains("En helt ny sætning om ventilen.", harness.Snapshot.Find(Ventilen)!.Html);
    }

    [Fact]
    public async Task Restart_WithAnotherPipelineVersion_ParsesEverything()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);

        var restarted = harness.Restarted(new ParseCache(harness.Get<IDbContextFactory<Portal.Data.PortalDbContext>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ParseCache>.Instance)
        { PipelineVersion = "a-newer-renderer" });
        await restarted.SyncAsync(ct);

        Assert.Equal(3, restarted.ParseCount);
        Assert.Equal(3, harness.Snapshot.Documents.Count);
    }

    [Fact]
    public async Task Restart_WithCorruptOrMissingEntry_ParsesThatDocumentAgain()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var html = harness.Snapshot.Find(Ventilen)!.Html;
        var other = harness.Snapshot.Documents.First(d => d.Slug != Ventilen).Slug;
        await using (var db = harness.CreateDb())
        {
            await db.ParsedDocuments.Where(e => e.Slug == Ventilen).ExecuteUpdateAsync(s => s.SetProperty(e => e.Metadata, "{\"Title\": [ikke json"), ct);
            await db.ParsedDocuments.Where(e => e.Slug == other).ExecuteDeleteAsync(ct);
        }

        var restarted = harness.Restarted();
        await restarted.SyncAsync(ct);

        Assert.Equal(2, restarted.ParseCount);
        Assert.Equal(3, harness.Snapshot.Documents.Count);
        Assert.Equal(html, harness.Snapshot.Find(Ventilen)!.Html);
    }

    [Fact]
    public async Task Html_NotHeldInMemory_IsReadFromTheEntryOrRenderedAgain()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var html = harness.Snapshot.Find(Ventilen)!.Html;

        // A cache of one byte holds nothing: every read goes to the database.
        var restarted = harness.Restarted(htmlCache: new HtmlCache(1));
        await restarted.SyncAsync(ct);
        Assert.Equal(html, harness.Snapshot.Find(Ventilen)!.Html);

        await using (var db = harness.CreateDb())
        {
            await db.ParsedDocuments.ExecuteDeleteAsync(ct);
        }
        Assert.Equal(html, harness.Snapshot.Find(Ventilen)!.Html);
    }

    [Fact]
    public async Task Metadata_RoundTrips_WithLettersUnescaped_AndWarningsFromTheIssues()
    {
        var snapshot = await FixtureSnapshot.GetAsync();
        foreach (var doc in snapshot.Documents)
        {
            var issues = new[]
            {
                new ContentIssue(doc.FilePath, 3, IssueSeverity.Warning, "Æ, ø og å \"citeret\" <b>"),
                new ContentIssue(doc.FilePath, 4, IssueSeverity.Error, "En fejl"),
            };
            var json = ParseCache.Serialize(doc, issues);
            var read = ParseCache.Deserialize(json)!;

            Assert.Contains("Æ, ø og å", json);
            Assert.DoesNotContain("<b>", json); // markup characters stay escaped
            Assert.Equal(doc.Title, read.Title);
            Assert.Equal(doc.Owner, read.Owner);
            Assert.Equal(doc.ReviewDate, read.ReviewDate);
            Assert.Equal(doc.Toc, read.Toc);
            Assert.Equal(doc.Headings, read.Headings);
            Assert.Equal(doc.Links, read.Links);
            Assert.Equal(doc.LegalBasis, read.LegalBasis);
            Assert.Equal(doc.Tags, read.Tags);
            Assert.Equal(issues, read.Issues);
            Assert.Equal([issues[0]], read.Warnings());
        }
    }
}
