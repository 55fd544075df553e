using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using static Portal.Tests.Editing.EditingHarness;

namespace Portal.Tests.Editing;

public class ContentSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_FileChangedWhileAPortalDraftExists_IsAConflict_AndNeitherSideIsOverwritten()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        await h.SaveAsync(Procedure, doc.Latest.Content + "\nKladde i portalen.\n", doc.Stamp, publish: false);
        var diskText = doc.Latest.Content + "\nRettet i git.\n";
        await File.WriteAllTextAsync(h.FilePath(Procedure), diskText, Ct);

        await h.Synchronizer.SyncAsync(Ct);

        await using var db = h.CreateDb();
        var conflict = await db.ContentConflicts.SingleAsync(Ct);
        Assert.Equal(diskText, conflict.DiskText);
        Assert.True(conflict.IsOpen);
        Assert.Equal(1, h.Snapshot.Find(Procedure)!.VersionNumber);
        Assert.Contains("Kladde i portalen.", (await h.LoadAsync(Procedure)).Latest.Content);
        Assert.Equal(diskText, await File.ReadAllTextAsync(h.FilePath(Procedure), Ct));
        Assert.Equal(2, await db.DocumentVersions.CountAsync(v => v.Document!.Slug == Procedure, Ct));
    }

    [Fact]
    public async Task Import_SameConflictTwice_KeepsOneRecord()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        await h.SaveAsync(Procedure, doc.Latest.Content + "\nKladde.\n", doc.Stamp, publish: false);
        await File.WriteAllTextAsync(h.FilePath(Procedure), doc.Latest.Content + "\nDisk.\n", Ct);

        await h.Synchronizer.SyncAsync(Ct);
        await h.Synchronizer.SyncAsync(Ct);

        await using var db = h.CreateDb();
        Assert.Equal(1, await db.ContentConflicts.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_FileChangedWithoutPortalChanges_IsImportedAsBefore()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        await File.WriteAllTextAsync(h.FilePath(Procedure), doc.Latest.Content + "\nRettet i git.\n", Ct);

        await h.Synchronizer.SyncAsync(Ct);

        Assert.Equal(2, h.Snapshot.Find(Procedure)!.VersionNumber);
        await using var db = h.CreateDb();
        Assert.False(await db.ContentConflicts.AnyAsync(Ct));
    }

    [Fact]
    public async Task Publish_FileChangedOnDiskSinceLastSync_IsNotOverwritten_ButBecomesAConflict()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        var diskText = doc.Latest.Content + "\nRettet i git.\n";
        await File.WriteAllTextAsync(h.FilePath(Procedure), diskText, Ct);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content + "\nRettet i portalen.\n", doc.Stamp, publish: true);

        Assert.Equal(EditStatus.Saved, result.Status);
        Assert.Equal(FileStatus.Conflict, result.File);
        Assert.Equal(diskText, await File.ReadAllTextAsync(h.FilePath(Procedure), Ct));
        var conflict = Assert.Single(await h.Get<ConflictResolver>().OpenAsync(Ct));
        Assert.Equal(diskText, conflict.DiskText);
        Assert.Contains("Rettet i portalen.", conflict.Portal!.Content);
    }

    [Fact]
    public async Task Resolve_KeepDisk_PublishesTheFileText()
    {
        await using var h = await CreateAsync();
        var (conflictId, diskText) = await MakeConflictAsync(h);

        var result = await h.Get<ConflictResolver>().ResolveAsync(conflictId, ConflictChoice.KeepDisk, Anne, Ct);

        Assert.Equal(EditStatus.Saved, result.Status);
        Assert.Contains("Rettet i git.", h.Snapshot.Find(Procedure)!.Body);
        Assert.Equal(diskText, await File.ReadAllTextAsync(h.FilePath(Procedure), Ct));
        Assert.Empty(await h.Get<ConflictResolver>().OpenAsync(Ct));
        await h.Synchronizer.SyncAsync(Ct);
        Assert.Empty(await h.Get<ConflictResolver>().OpenAsync(Ct));
    }

    [Fact]
    public async Task Resolve_KeepPortal_WritesThePortalText_AndKeepsTheDiskTextInTheRecord()
    {
        await using var h = await CreateAsync();
        var (conflictId, diskText) = await MakeConflictAsync(h);

        var result = await h.Get<ConflictResolver>().ResolveAsync(conflictId, ConflictChoice.KeepPortal, Anne, Ct);

        Assert.Equal(FileStatus.Written, result.File);
        Assert.Contains("Rettet i portalen.", await File.ReadAllTextAsync(h.FilePath(Procedure), Ct));
        await using var db = h.CreateDb();
        var record = await db.ContentConflicts.SingleAsync(Ct);
        Assert.Equal(diskText, record.DiskText);
        Assert.Equal("Anne Andersen", record.ResolvedBy);
        await h.Synchronizer.SyncAsync(Ct);
        Assert.Empty(await h.Get<ConflictResolver>().OpenAsync(Ct));
    }

    [Fact]
    public async Task Resolve_MergeInEditor_PublishesTheMergedText_AndResolves()
    {
        await using var h = await CreateAsync();
        var (conflictId, diskText) = await MakeConflictAsync(h);
        var doc = await h.LoadAsync(Procedure);
        Assert.Equal(conflictId, doc.OpenConflict!.Id);

        var merged = doc.Latest.Content + "Rettet i git.\n";
        var result = await h.Editor.SaveAsync(new SaveRequest(Procedure, merged, doc.Stamp, "Flettet", true, conflictId), Anne, Ct);

        Assert.Equal(FileStatus.Written, result.File);
        Assert.Equal(merged, await File.ReadAllTextAsync(h.FilePath(Procedure), Ct));
        Assert.Empty(await h.Get<ConflictResolver>().OpenAsync(Ct));
    }

    [Fact]
    public async Task Crash_BeforeTheFileIsWritten_IsCompletedOnRestart()
    {
        var failing = new FailingFileWriter(afterWrite: false);
        var h = await CreateAsync(failing);
        var doc = await h.LoadAsync(Procedure);
        var text = doc.Latest.Content + "\nUdgivet lige før nedbruddet.\n";

        var result = await h.SaveAsync(Procedure, text, doc.Stamp, publish: true);

        Assert.Equal((EditStatus.Saved, FileStatus.Pending), (result.Status, result.File));
        Assert.Equal(1, failing.Attempts);
        Assert.DoesNotContain("nedbruddet", await File.ReadAllTextAsync(h.FilePath(Procedure), Ct));

        await using var restarted = await h.RestartAsync();

        await AssertConsistentAsync(restarted, text, versions: 2);
    }

    [Fact]
    public async Task Crash_AfterTheFileIsWrittenButBeforeTheDatabaseKnows_IsConsistentOnRestart()
    {
        var h = await CreateAsync(new FailingFileWriter(afterWrite: true));
        var doc = await h.LoadAsync(Procedure);
        var text = doc.Latest.Content + "\nSkrevet, men ikke registreret.\n";
        var result = await h.SaveAsync(Procedure, text, doc.Stamp, publish: true);
        Assert.Equal(FileStatus.Pending, result.File);

        await using var restarted = await h.RestartAsync();

        await AssertConsistentAsync(restarted, text, versions: 2);
    }

    private static async Task AssertConsistentAsync(EditingHarness h, string text, int versions)
    {
        var bytes = await File.ReadAllBytesAsync(h.FilePath(Procedure), Ct);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(bytes));
        await using var db = h.CreateDb();
        var document = await db.Documents.SingleAsync(d => d.Slug == Procedure, Ct);
        Assert.Equal(ContentHash.Of(bytes), document.DiskHash);
        Assert.Equal(versions, await db.DocumentVersions.CountAsync(v => v.DocumentId == document.Id, Ct));
        Assert.False(await db.PendingFileWrites.AnyAsync(Ct));
        Assert.False(await db.ContentConflicts.AnyAsync(Ct));
        Assert.Equal(versions, h.Snapshot.Find(Procedure)!.VersionNumber);
    }

    private static async Task<(int Id, string DiskText)> MakeConflictAsync(EditingHarness h)
    {
        var doc = await h.LoadAsync(Procedure);
        var diskText = doc.Latest.Content + "\nRettet i git.\n";
        await File.WriteAllTextAsync(h.FilePath(Procedure), diskText, Ct);
        await h.SaveAsync(Procedure, doc.Latest.Content + "\nRettet i portalen.\n", doc.Stamp, publish: true);
        return ((await h.Get<ConflictResolver>().OpenAsync(Ct)).Single().Id, diskText);
    }
}
