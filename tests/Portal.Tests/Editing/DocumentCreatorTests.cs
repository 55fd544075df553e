using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using static Portal.Tests.Editing.EditingHarness;

namespace Portal.Tests.Editing;

public class DocumentCreatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("arbejdsgang", "arbejdsgange/01-opstart")]
    [InlineData("tjekliste", "arbejdsgange/01-opstart")]
    [InlineData("tilbud", "arbejdsgange/02-tilbud")]
    [InlineData("brev", "skabeloner/breve")]
    [InlineData("afgørelse", "skabeloner/afgoerelser")]
    public async Task Create_EachType_IsAValidDraft_NotServedUntilPublished(string type, string folder)
    {
        await using var h = await CreateAsync();

        var result = await h.Get<DocumentCreator>().CreateAsync(new CreateRequest(type, folder, "Ny: vejledning om støtte", "koordinator-boern", Area.Children), Anne, Ct);

        Assert.True(result.Succeeded, result.Message + string.Join(" | ", result.Errors));
        Assert.Equal(folder + "/ny-vejledning-om-stoette", result.Slug);
        Assert.Null(h.Snapshot.Find(result.Slug!));
        Assert.False(File.Exists(h.FilePath(result.Slug!)));
        var doc = await h.LoadAsync(result.Slug!);
        Assert.Contains("titel: \"Ny: vejledning om støtte\"", doc.Latest.Content);
        Assert.Contains("revideres: 2027-11-23", doc.Latest.Content);
        Assert.Contains($"type: {type}", doc.Latest.Content);
        if (type == "arbejdsgang")
        {
            Assert.Empty(result.Warnings);
        }

        await h.Synchronizer.SyncAsync(Ct); // a draft-only document is not "removed from disk"
        var published = await h.SaveAsync(result.Slug!, doc.Latest.Content, doc.Stamp, publish: true);

        Assert.True(published.Succeeded, published.Message);
        Assert.NotNull(h.Snapshot.Find(result.Slug!));
        Assert.True(File.Exists(h.FilePath(result.Slug!)));
    }

    [Fact]
    public async Task Create_ExistingAddress_IsRefused()
    {
        await using var h = await CreateAsync();

        var result = await h.Get<DocumentCreator>().CreateAsync(new CreateRequest("arbejdsgang", "arbejdsgange/01-opstart", "Meddelelse af afslag", "koordinator-boern", Area.Children), Anne, Ct);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == "filnavn" && e.Message.Contains("findes allerede"));
    }

    [Theory]
    [InlineData("arbejdsgang", "skabeloner/breve", "mappe")]
    [InlineData("roman", "arbejdsgange/01-opstart", "type")]
    [InlineData("arbejdsgang", "../../etc", "mappe")]
    public async Task Create_BadTypeOrFolder_IsAFieldError(string type, string folder, string field)
    {
        await using var h = await CreateAsync();

        var result = await h.Get<DocumentCreator>().CreateAsync(new CreateRequest(type, folder, "Titel", "koordinator-boern", Area.Children), Anne, Ct);

        Assert.Contains(result.Errors, e => e.Field == field);
        await using var db = h.CreateDb();
        Assert.Equal(3, await db.Documents.CountAsync(Ct));
    }

    [Fact]
    public async Task Create_UnknownOwner_IsAFieldErrorOnTovholder()
    {
        await using var h = await CreateAsync();

        var result = await h.Get<DocumentCreator>().CreateAsync(new CreateRequest("tjekliste", "arbejdsgange/01-opstart", "Ny liste", "ingen", Area.Children), Anne, Ct);

        Assert.Contains(result.Errors, e => e.Field == "tovholder");
    }

    [Theory]
    [InlineData("Meddelelse af afslag – børn", "meddelelse-af-afslag-boern")]
    [InlineData("  Åben rådgivning: Café ", "aaben-raadgivning-cafe")]
    [InlineData("§ 86 — tjek!", "86-tjek")]
    public void Slugify_MakesAsciiAddresses(string title, string slug) => Assert.Equal(slug, DocumentCreator.Slugify(title));
}
