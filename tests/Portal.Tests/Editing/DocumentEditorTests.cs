using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using static Portal.Tests.Editing.EditingHarness;

namespace Portal.Tests.Editing;

public class DocumentEditorTests
{
    [Fact]
    public async Task SaveDraft_StoresNewVersion_ButCaseworkersStillSeeThePublishedOne()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        var text = doc.Latest.Content.Replace("Send ikke afslaget", "Send aldrig afslaget");

        var result = await h.SaveAsync(Procedure, text, doc.Stamp, publish: false, comment: "Skærpet formulering");

        Assert.Equal(EditStatus.Saved, result.Status);
        Assert.Equal(2, result.VersionNumber);
        Assert.Equal(1, h.Snapshot.Find(Procedure)!.VersionNumber);
        Assert.DoesNotContain("Send aldrig", h.Snapshot.Find(Procedure)!.Body);
        var reloaded = await h.LoadAsync(Procedure);
        Assert.True(reloaded.HasDraft);
        Assert.Equal(VersionState.Draft, reloaded.Latest.State);
        Assert.Equal(1, reloaded.Published!.Number);
        Assert.DoesNotContain("Send aldrig", await File.ReadAllTextAsync(h.FilePath(Procedure), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publish_ServesTheVersion_WritesTheFile_AndRecordsAuthorTimeCommentAndAudit()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        var text = doc.Latest.Content.Replace("Send ikke afslaget", "Send aldrig afslaget");

        var result = await h.SaveAsync(Procedure, text, doc.Stamp, publish: true, comment: "Skærpet formulering");

        Assert.Equal(FileStatus.Written, result.File);
        Assert.Equal(2, h.Snapshot.Find(Procedure)!.VersionNumber);
        Assert.Contains("Send aldrig", h.Snapshot.Find(Procedure)!.Body);
        var bytes = await File.ReadAllBytesAsync(h.FilePath(Procedure), TestContext.Current.CancellationToken);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(h.FilePath(Procedure))!, "*.tmp"));
        await using var db = h.CreateDb();
        var stored = await db.Documents.SingleAsync(d => d.Slug == Procedure, TestContext.Current.CancellationToken);
        Assert.Equal(ContentHash.Of(bytes), stored.DiskHash);
        var version = await db.DocumentVersions.SingleAsync(v => v.DocumentId == stored.Id && v.Number == 2, TestContext.Current.CancellationToken);
        Assert.Equal(("Anne Andersen", "Skærpet formulering", VersionSource.Editor, VersionState.Published), (version.Author, version.Comment, version.Source, version.State));
        Assert.Equal(h.Clock.GetUtcNow(), version.CreatedAt);
        var audit = await db.AuditLog.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AuditActions.Publish, Procedure), (audit.Action, audit.Target));
        Assert.Contains("Anne Andersen", audit.User);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Publish_WithoutAChangeComment_IsRefusedInDanish_AndWritesNothing(string? comment)
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        var before = await File.ReadAllTextAsync(h.FilePath(Procedure), TestContext.Current.CancellationToken);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content + "\nNy linje.\n", doc.Stamp, publish: true, comment: comment);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Equal(("kommentar", DocumentEditor.MissingPublishComment), (result.Errors.Single().Field, result.Errors.Single().Message));
        Assert.Equal(1, h.Snapshot.Find(Procedure)!.VersionNumber);
        Assert.Equal(before, await File.ReadAllTextAsync(h.FilePath(Procedure), TestContext.Current.CancellationToken));
        var draft = await h.SaveAsync(Procedure, doc.Latest.Content + "\nNy linje.\n", doc.Stamp, publish: false, comment: comment);
        Assert.Equal(EditStatus.Saved, draft.Status);
    }

    [Fact]
    public async Task Publish_ThenReimport_AddsNoVersionAndNoConflict()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        await h.SaveAsync(Procedure, doc.Latest.Content + "\nNy linje.\n", doc.Stamp, publish: true);

        await h.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);

        await using var db = h.CreateDb();
        Assert.Equal(2, await db.DocumentVersions.CountAsync(v => v.Document!.Slug == Procedure, TestContext.Current.CancellationToken));
        Assert.False(await db.ContentConflicts.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("titel: Meddelelse af afslag\n", "", "titel")]
    [InlineData("revideres: 2099-06-30", "revideres: 30-06-2099", "revideres")]
    [InlineData("tovholder: koordinator-boern", "tovholder: ingen-person", "tovholder")]
    [InlineData("område: børn", "område: måne", "område")]
    [InlineData("type: arbejdsgang", "type: roman", "type")]
    [InlineData("tags: [afslag, mundtlig]", "tags: [afslag, mundtlig", "frontmatter")]
    [InlineData("Se også [tjeklisten](tjekliste-moede.md)", "Se også [tjeklisten](findes-ikke.md)", "tekst")]
    public async Task Save_InvalidText_GivesDanishFieldErrors_AndSavesNothing(string find, string replace, string field)
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        Assert.Contains(find, doc.Latest.Content);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content.Replace(find, replace), doc.Stamp, publish: true);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.True(result.Errors.Any(e => e.Field == field), string.Join(" | ", result.Errors));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        await using var db = h.CreateDb();
        Assert.Equal(1, await db.DocumentVersions.CountAsync(TestContext.Current.CancellationToken) - 2);
        Assert.Equal(doc.Stamp, (await h.LoadAsync(Procedure)).Stamp);
    }

    [Fact]
    public async Task Save_StaleStamp_IsRefusedInDanish_WithTheirVersionToMerge()
    {
        await using var h = await CreateAsync();
        var anne = await h.LoadAsync(Procedure);
        var bo = await h.LoadAsync(Procedure);
        await h.SaveAsync(Procedure, anne.Latest.Content + "\nAnnes linje.\n", anne.Stamp, publish: false, Anne);

        var result = await h.SaveAsync(Procedure, bo.Latest.Content + "\nBos linje.\n", bo.Stamp, publish: true, Bo);

        Assert.Equal(EditStatus.Conflict, result.Status);
        Assert.Contains("Din ændring er ikke gemt", result.Message);
        Assert.Contains("Anne Andersen", result.Message);
        Assert.Contains("Annes linje.", result.Theirs!.Content);
        await using var db = h.CreateDb();
        Assert.DoesNotContain(await db.DocumentVersions.Select(v => v.Content).ToListAsync(TestContext.Current.CancellationToken), c => c.Contains("Bos linje."));
        Assert.Equal(1, h.Snapshot.Find(Procedure)!.VersionNumber);
    }

    [Fact]
    public async Task Save_MergedAfterRefusal_AgainstTheNewStamp_IsSaved()
    {
        await using var h = await CreateAsync();
        var anne = await h.LoadAsync(Procedure);
        var bo = await h.LoadAsync(Procedure);
        await h.SaveAsync(Procedure, anne.Latest.Content + "\nAnnes linje.\n", anne.Stamp, publish: false, Anne);
        var refused = await h.SaveAsync(Procedure, bo.Latest.Content + "\nBos linje.\n", bo.Stamp, publish: false, Bo);

        var merged = await h.SaveAsync(Procedure, refused.Theirs!.Content + "Bos linje.\n", refused.Stamp!.Value, publish: false, Bo);

        Assert.Equal(EditStatus.Saved, merged.Status);
        var latest = (await h.LoadAsync(Procedure)).Latest.Content;
        Assert.Contains("Annes linje.", latest);
        Assert.Contains("Bos linje.", latest);
    }

    [Fact]
    public async Task Save_TwoAtTheSameTime_ExactlyOneWins()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);

        var results = await Task.WhenAll(
            Task.Run(() => h.SaveAsync(Procedure, doc.Latest.Content + "\nA\n", doc.Stamp, publish: true, Anne)),
            Task.Run(() => h.SaveAsync(Procedure, doc.Latest.Content + "\nB\n", doc.Stamp, publish: true, Bo)));

        Assert.Single(results, r => r.Status == EditStatus.Saved);
        Assert.Single(results, r => r.Status == EditStatus.Conflict);
        await using var db = h.CreateDb();
        Assert.Equal(2, await db.DocumentVersions.CountAsync(v => v.Document!.Slug == Procedure, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Restore_AddsANewPublishedVersion_WithTheOldText_AndKeepsHistory()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        var published = await h.SaveAsync(Procedure, doc.Latest.Content + "\nFejlagtig linje.\n", doc.Stamp, publish: true);

        var restored = await h.Editor.RestoreAsync(new RestoreRequest(Procedure, 1, published.Stamp!.Value, "Rettelsen var forkert"), Bo, TestContext.Current.CancellationToken);

        Assert.Equal(EditStatus.Saved, restored.Status);
        Assert.Equal(3, restored.VersionNumber);
        await using var db = h.CreateDb();
        var versions = await db.DocumentVersions.Where(v => v.Document!.Slug == Procedure).OrderBy(v => v.Number).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, versions.Count);
        Assert.Equal(versions[0].Content, versions[2].Content);
        Assert.Contains("Fejlagtig linje.", versions[1].Content);
        Assert.Equal(VersionSource.Restore, versions[2].Source);
        Assert.Equal("Gendannet fra version 1: Rettelsen var forkert", versions[2].Comment);
        Assert.Equal(versions[0].Content, await File.ReadAllTextAsync(h.FilePath(Procedure), TestContext.Current.CancellationToken));
        Assert.Equal(3, h.Snapshot.Find(Procedure)!.VersionNumber);
    }

    [Fact]
    public async Task Save_NoChange_IsRefusedWithAMessage()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content, doc.Stamp, publish: false);

        Assert.Equal(EditStatus.Refused, result.Status);
        Assert.Equal("Der er ingen ændringer at gemme.", result.Message);
    }

    [Fact]
    public async Task Save_TwoMegabytes_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content + new string('x', 2 * 1024 * 1024), doc.Stamp, publish: true);

        Assert.Equal(EditStatus.Refused, result.Status);
        Assert.Contains("for stor", result.Message);
        Assert.Equal(doc.Stamp, (await h.LoadAsync(Procedure)).Stamp);
    }

    [Fact]
    public async Task Publish_ScriptAndJavascriptLinks_AreSanitisedLikeImportedMarkdown()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);
        var text = doc.Latest.Content + "\n<script>alert(1)</script>\n\n[klik](javascript:alert(2)) <img src=x onerror=alert(3)>\n";

        await h.SaveAsync(Procedure, text, doc.Stamp, publish: true);

        var html = h.Snapshot.Find(Procedure)!.Html;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("onerror", html);
    }

    [Fact]
    public async Task Save_ADocumentCheckError_BlocksTheSave()
    {
        await using var h = await CreateAsync(configure: s => s.AddSingleton<IDocumentCheck>(new RejectMarkerCheck()));
        var doc = await h.LoadAsync(Procedure);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content + "\nUGYLDIG-SKABELON\n", doc.Stamp, publish: false);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Message == "Skabelonen kan ikke kompileres.");
    }

    [Fact]
    public async Task Save_CommentTooLong_IsAFieldError()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Procedure);

        var result = await h.SaveAsync(Procedure, doc.Latest.Content + "x", doc.Stamp, publish: false, comment: new string('k', 1001));

        Assert.Equal("kommentar", Assert.Single(result.Errors).Field);
    }

    private sealed class RejectMarkerCheck : IDocumentCheck
    {
        public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context) =>
            document.Body.Contains("UGYLDIG-SKABELON")
                ? [new ContentIssue(document.FilePath, 0, IssueSeverity.Error, "Skabelonen kan ikke kompileres.")]
                : [];
    }
}
