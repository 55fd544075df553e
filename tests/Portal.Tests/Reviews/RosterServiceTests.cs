using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Editing;
using Portal.Reviews;
using static Portal.Tests.Editing.EditingHarness;
using static Portal.Tests.Reviews.ReviewHarness;

namespace Portal.Tests.Reviews;

/// <summary>Administrators' roster maintenance: add, change, retire, and move a person's documents in one action.</summary>
public class RosterServiceTests
{
    private const string From = "proceskonsulent-voksen";
    private const string To = "koordinator-boern";

    private static readonly RosterEntry NewPerson = new("ny-koordinator", "Nina Nielsen", "Faglig koordinator", "nina@test.example", "Børnehandicap");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_WritesTheRoster_AndThePersonCanBePicked()
    {
        await using var h = await StartAsync();

        var result = await h.Roster.SaveAsync(NewPerson, isNew: true, Anne, Token);

        Assert.True(result.Succeeded, result.Message);
        var owner = h.Editing.Snapshot.Roster.Find("ny-koordinator");
        Assert.Equal(("Nina Nielsen", "nina@test.example"), (owner?.Name, owner?.Email));
        var yaml = await File.ReadAllTextAsync(Path.Combine(h.Editing.Content.Path, "tovholdere.yml"), Token);
        Assert.Contains("ny-koordinator:\n  navn: Nina Nielsen\n", yaml);
        Assert.Contains("koordinator-boern:\n  navn: Test Koordinator\n", yaml);
    }

    [Theory]
    [InlineData("Ny Person", "Navn", "x@test.example", true, "Nøglen må kun have små bogstaver")]
    [InlineData("koordinator-boern", "Navn", "x@test.example", true, "Nøglen 'koordinator-boern' findes allerede.")]
    [InlineData("findes-ikke", "Navn", "x@test.example", false, "Tovholderen 'findes-ikke' findes ikke.")]
    [InlineData("ny", "", "x@test.example", true, "Skriv både navn og funktion.")]
    [InlineData("ny", "Navn", "ikke-en-adresse", true, "Skriv en gyldig e-mailadresse")]
    public async Task Save_Invalid_IsRefusedInDanish_AndTheFileIsUnchanged(string key, string name, string email, bool isNew, string expected)
    {
        await using var h = await StartAsync();
        var path = Path.Combine(h.Editing.Content.Path, "tovholdere.yml");
        var before = await File.ReadAllTextAsync(path, Token);

        var result = await h.Roster.SaveAsync(new RosterEntry(key, name, "Funktion", email, ""), isNew, Anne, Token);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Equal(before, await File.ReadAllTextAsync(path, Token));
    }

    [Fact]
    public async Task Change_UpdatesThePerson_AndKeepsEveryoneElse()
    {
        await using var h = await StartAsync();

        var result = await h.Roster.SaveAsync(new RosterEntry(To, "Karen Koordinator", "Faglig koordinator, Børnehandicap", "karen@test.example", "Børnehandicap"), isNew: false, Anne, Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("karen@test.example", h.Editing.Snapshot.Roster.Find(To)!.Email);
        Assert.Equal("Karen Koordinator", h.Editing.Snapshot.Find(Procedure)!.Owner.Name);
        Assert.Equal("Test Proceskonsulent", h.Editing.Snapshot.Roster.Find(From)!.Name);
    }

    [Fact]
    public async Task Retire_WhileOwningDocuments_IsRefused()
    {
        await using var h = await StartAsync();

        var result = await h.Roster.RetireAsync(From, Anne, Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Test Proceskonsulent er tovholder for 2 dokumenter. Flyt dem til en anden tovholder først.", result.Message);
        Assert.NotNull(h.Editing.Snapshot.Roster.Find(From));
    }

    [Fact]
    public async Task MovePreview_ListsEveryDocument_AndChangesNothing()
    {
        await using var h = await StartAsync();
        var doc = await h.Editing.LoadAsync(Procedure);
        // A draft naming the person counts too, though the published version names someone else.
        await h.Editing.SaveAsync(Procedure, doc.Latest.Content.Replace("tovholder: koordinator-boern", "tovholder: " + From), doc.Stamp, publish: false);
        await using var before = h.Editing.CreateDb();
        var versions = await before.DocumentVersions.CountAsync(Token);

        var preview = await h.Roster.DocumentsOfAsync(From, Token);

        Assert.Equal([(Procedure, true), (Checklist, false), (Offer, false)], preview.Select(d => (d.Slug, d.HasDraft)).OrderBy(d => d.Slug));
        Assert.Equal(versions, await before.DocumentVersions.CountAsync(Token));
        Assert.Equal(From, h.Editing.Snapshot.Find(Offer)!.Owner.Key);
    }

    [Fact]
    public async Task MoveAll_ThenRetire_InOneActionEach()
    {
        await using var h = await StartAsync();
        var checklist = await h.Editing.LoadAsync(Checklist);
        await h.Editing.SaveAsync(Checklist, checklist.Latest.Content + "\nKladde.\n", checklist.Stamp, publish: false);
        var preview = await h.Roster.DocumentsOfAsync(From, Token);

        var moved = await h.Roster.MoveDocumentsAsync(From, To, [.. preview.Select(d => d.Slug)], Anne, Token);

        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal("2 dokumenter er flyttet til Test Koordinator.", moved.Message);
        Assert.All(new[] { Checklist, Offer }, slug => Assert.Equal(To, h.Editing.Snapshot.Find(slug)!.Owner.Key));
        Assert.Contains("tovholder: " + To, await File.ReadAllTextAsync(h.Editing.FilePath(Offer), Token));
        var draft = await h.Editing.LoadAsync(Checklist);
        Assert.True(draft.HasDraft);
        Assert.Contains("tovholder: " + To, draft.Latest.Content);
        Assert.Contains("Kladde.", draft.Latest.Content);
        Assert.DoesNotContain("Kladde.", h.Editing.Snapshot.Find(Checklist)!.Body);
        Assert.Empty(await h.Roster.DocumentsOfAsync(From, Token));

        var retired = await h.Roster.RetireAsync(From, Anne, Token);

        Assert.True(retired.Succeeded, retired.Message);
        Assert.Null(h.Editing.Snapshot.Roster.Find(From));
        Assert.DoesNotContain(From + ":", await File.ReadAllTextAsync(Path.Combine(h.Editing.Content.Path, "tovholdere.yml"), Token));
        Assert.Equal(3, h.Editing.Snapshot.Documents.Count());
    }

    [Fact]
    public async Task Move_ToUnknownOrSamePerson_IsRefused()
    {
        await using var h = await StartAsync();

        var unknown = await h.Roster.MoveDocumentsAsync(From, "findes-ikke", [Offer], Anne, Token);
        var same = await h.Roster.MoveDocumentsAsync(From, From, [Offer], Anne, Token);

        Assert.False(unknown.Succeeded);
        Assert.False(same.Succeeded);
        Assert.Equal("Vælg en anden tovholder fra listen at flytte dokumenterne til.", unknown.Message);
        Assert.Equal(From, h.Editing.Snapshot.Find(Offer)!.Owner.Key);
    }

    [Fact]
    public async Task Move_SkipsADocumentThatNoLongerNamesThePerson()
    {
        await using var h = await StartAsync();

        var result = await h.Roster.MoveDocumentsAsync(From, To, [Offer, Procedure], Anne, Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([Procedure], result.Skipped);
        Assert.Equal(1, h.Editing.Snapshot.Find(Procedure)!.VersionNumber);
    }
}
