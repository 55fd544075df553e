using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using static Portal.Tests.Editing.EditingHarness;

namespace Portal.Tests.Editing;

public class DocumentMoverTests
{
    private const string Checklist = "arbejdsgange/01-opstart/tjekliste-moede";
    private const string NewAddress = "arbejdsgange/02-tilbud/tjekliste-til-moedet";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Move_ChangesAddress_KeepsHistory_MovesTheFile_AndRedirectsTheOldAddress()
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Checklist);
        var edited = await h.SaveAsync(Checklist, doc.Latest.Content + "\n- [ ] Nyt punkt\n", doc.Stamp, publish: true);

        var result = await h.Get<DocumentMover>().MoveAsync(new MoveRequest(Checklist, NewAddress, edited.Stamp!.Value), Anne, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(h.Snapshot.Find(Checklist));
        Assert.Equal(2, h.Snapshot.Find(NewAddress)!.VersionNumber);
        Assert.False(File.Exists(h.FilePath(Checklist)));
        Assert.Contains("Nyt punkt", await File.ReadAllTextAsync(h.FilePath(NewAddress), Ct));
        Assert.Equal(NewAddress, h.Get<RedirectTable>().Resolve(Checklist));
        Assert.Equal(2, (await h.Get<DocumentHistory>().GetAsync(NewAddress, Ct))!.Versions.Count);
        Assert.Contains("linker til den gamle adresse", result.Message);
        // The procedure links to the old address: the link still works, so it is a warning, not an error.
        Assert.Contains(h.Snapshot.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains(NewAddress));
        Assert.DoesNotContain(h.Snapshot.Issues, i => i.Severity == IssueSeverity.Error);

        await h.Synchronizer.SyncAsync(Ct);
        Assert.Null(h.Snapshot.Find(Checklist));
        Assert.NotNull(h.Snapshot.Find(NewAddress));
        await using var db = h.CreateDb();
        Assert.Equal(3, await db.Documents.CountAsync(Ct));
    }

    [Fact]
    public async Task Move_Twice_AndBack_KeepsEveryOldAddressWorking()
    {
        await using var h = await CreateAsync();
        var mover = h.Get<DocumentMover>();
        var first = await mover.MoveAsync(new MoveRequest(Checklist, NewAddress, (await h.LoadAsync(Checklist)).Stamp), Anne, Ct);
        var second = await mover.MoveAsync(new MoveRequest(NewAddress, "arbejdsgange/01-opstart/moede", first.Stamp!.Value), Anne, Ct);

        Assert.Equal("arbejdsgange/01-opstart/moede", h.Get<RedirectTable>().Resolve(Checklist));
        Assert.Equal("arbejdsgange/01-opstart/moede", h.Get<RedirectTable>().Resolve(NewAddress));

        var back = await mover.MoveAsync(new MoveRequest("arbejdsgange/01-opstart/moede", Checklist, second.Stamp!.Value), Anne, Ct);

        Assert.True(back.Succeeded, back.Message);
        Assert.NotNull(h.Snapshot.Find(Checklist));
        Assert.Null(h.Get<RedirectTable>().Resolve(Checklist));
        Assert.Equal(Checklist, h.Get<RedirectTable>().Resolve(NewAddress));
    }

    [Theory]
    [InlineData(Procedure, "adresse")]
    [InlineData("arbejdsgange/Store Bogstaver", "adresse")]
    [InlineData("skabeloner/breve/flyttet", "adresse")]
    public async Task Move_ToATakenOrInvalidAddress_IsRefused(string target, string field)
    {
        await using var h = await CreateAsync();

        var result = await h.Get<DocumentMover>().MoveAsync(new MoveRequest(Checklist, target, (await h.LoadAsync(Checklist)).Stamp), Anne, Ct);

        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.NotNull(h.Snapshot.Find(Checklist));
    }

    [Fact]
    public async Task Move_StaleStamp_IsRefused()
    {
        await using var h = await CreateAsync();

        var result = await h.Get<DocumentMover>().MoveAsync(new MoveRequest(Checklist, NewAddress, Guid.NewGuid()), Anne, Ct);

        Assert.Equal(EditStatus.Conflict, result.Status);
    }
    [Theory]
    [InlineData(300, "højst være 200 tegn")]
    [InlineData(90, "højst være 80 tegn")]
    public async Task Move_ToAnAddressTheDiskCannotHold_IsRefusedBeforeAnythingHappens(int nameLength, string message)
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Checklist);
        var tooLong = "arbejdsgange/02-tilbud/" + new string('a', nameLength);

        var result = await h.Get<DocumentMover>().MoveAsync(new MoveRequest(Checklist, tooLong, doc.Stamp), Anne, Ct);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Contains(message, result.Errors.Single().Message);
        Assert.True(File.Exists(h.FilePath(Checklist)));
        Assert.NotNull(h.Snapshot.Find(Checklist));
        await using var db = h.CreateDb();
        Assert.Empty(await db.PendingFileWrites.ToListAsync(Ct));
    }

    [Theory]
    [InlineData("arbejdsgange/02-tilbud/con")]
    [InlineData("arbejdsgange/lpt1/tjekliste")]
    public async Task Move_ToAReservedFileName_IsRefused(string reserved)
    {
        await using var h = await CreateAsync();
        var doc = await h.LoadAsync(Checklist);

        var result = await h.Get<DocumentMover>().MoveAsync(new MoveRequest(Checklist, reserved, doc.Stamp), Anne, Ct);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Contains("reserveret filnavn", result.Errors.Single().Message);
        Assert.True(File.Exists(h.FilePath(Checklist)));
    }

    [Fact]
    public async Task Move_WhoseNewFileCannotBeWritten_KeepsTheOldFile_AndReportsTheFailureOnceWithADanishReason()
    {
        var disk = new SwitchableWriter { RefuseWrites = true };
        await using var h = await CreateAsync(disk);
        var doc = await h.LoadAsync(Checklist);
        var before = await File.ReadAllTextAsync(h.FilePath(Checklist), Ct);

        var result = await h.Get<DocumentMover>().MoveAsync(new MoveRequest(Checklist, NewAddress, doc.Stamp), Anne, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(FileStatus.Pending, result.File);
        Assert.Equal(before, await File.ReadAllTextAsync(h.FilePath(Checklist), Ct)); // the delete waits for the write
        Assert.False(File.Exists(h.FilePath(NewAddress)));
        var failed = Assert.Single(await h.Get<ContentOutbox>().FailedAsync(Ct));
        Assert.Equal(NewAddress, failed.Slug);
        Assert.False(failed.IsDelete);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("Portalen har ikke lov til at skrive filen.", failed.Reason);

        await h.Get<ContentOutbox>().FlushAsync(Ct);
        Assert.Equal(2, Assert.Single(await h.Get<ContentOutbox>().FailedAsync(Ct)).Attempts);

        disk.RefuseWrites = false;
        var flush = await h.Get<ContentOutbox>().FlushAsync(Ct);

        Assert.Equal(2, flush.Written); // the new file, then the old one removed
        Assert.Empty(await h.Get<ContentOutbox>().FailedAsync(Ct));
        Assert.False(File.Exists(h.FilePath(Checklist)));
        Assert.Equal(before, await File.ReadAllTextAsync(h.FilePath(NewAddress), Ct));
    }

    private sealed class SwitchableWriter : IContentFileWriter
    {
        private readonly AtomicFileWriter _inner = new();

        public bool RefuseWrites { get; set; }

        public void Write(string path, string text)
        {
            if (RefuseWrites)
            {
                throw new UnauthorizedAccessException("Access to the path is denied.");
            }
            _inner.Write(path, text);
        }

        public void Delete(string path) => _inner.Delete(path);
    }
}
