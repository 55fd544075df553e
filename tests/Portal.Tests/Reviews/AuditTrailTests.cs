using Portal.Audit;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using Portal.Reviews;
using static Portal.Tests.Editing.EditingHarness;
using static Portal.Tests.Reviews.ReviewHarness;

namespace Portal.Tests.Reviews;

/// <summary>The audit log records who created, changed, published, reviewed, restored or moved what, and when.</summary>
public class AuditTrailTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryContentAction_IsAudited_WithUserTargetAndTime()
    {
        await using var h = await StartAsync();
        var ok = new List<EditResult>();

        ok.Add(await h.Editing.Get<DocumentCreator>().CreateAsync(new CreateRequest("tjekliste", "arbejdsgange/01-opstart", "Ny liste", "koordinator-boern", Area.Children), Anne, Token));
        var doc = await h.Editing.LoadAsync(Procedure);
        ok.Add(await h.Editing.SaveAsync(Procedure, doc.Latest.Content + "\nKladde.\n", doc.Stamp, publish: false, user: Bo, comment: "Udkast"));
        ok.Add(await h.Editing.SaveAsync(Procedure, doc.Latest.Content + "\nUdgivet.\n", ok[^1].Stamp!.Value, publish: true, user: Anne, comment: "Ny regel"));
        h.SetToday(2026, 11, 24);
        ok.Add(await h.Reviews.MarkReviewedAsync(Procedure, Bo, cancellationToken: Token));
        ok.Add(await h.Editing.Editor.RestoreAsync(new RestoreRequest(Procedure, 1, ok[^1].Stamp!.Value, "Tilbage"), Anne, Token));
        ok.Add(await h.Editing.Get<DocumentMover>().MoveAsync(new MoveRequest(Procedure, "arbejdsgange/01-opstart/afslag", ok[^1].Stamp!.Value), Bo, Token));
        Assert.All(ok, r => Assert.True(r.Succeeded, r.Message));
        var moved = await h.Roster.MoveDocumentsAsync("proceskonsulent-voksen", "koordinator-boern", [Offer], Anne, Token);
        Assert.True(moved.Succeeded, moved.Message);

        var entries = (await h.Editing.Get<AuditQuery>().LatestAsync(100, cancellationToken: Token)).Reverse().ToList();

        Assert.Equal(
        [
            (AuditActions.Create, "arbejdsgange/01-opstart/ny-liste", "Anne Andersen (demo:koordinator)"),
            (AuditActions.SaveDraft, Procedure, "Bo Bertelsen (demo:koordinator2)"),
            (AuditActions.Publish, Procedure, "Anne Andersen (demo:koordinator)"),
            (AuditActions.Review, Procedure, "Bo Bertelsen (demo:koordinator2)"),
            (AuditActions.Restore, Procedure, "Anne Andersen (demo:koordinator)"),
            (AuditActions.Move, "arbejdsgange/01-opstart/afslag", "Bo Bertelsen (demo:koordinator2)"),
            (AuditActions.ChangeOwner, Offer, "Anne Andersen (demo:koordinator)"),
        ], entries.Select(e => (e.Action, e.Target, e.User)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), entries[0].At);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), entries[^1].At);
        Assert.Contains("Ny regel", entries[2].Details);
        Assert.Contains("Gendannet fra version 1", entries[4].Details);
        Assert.Contains("Flyttet fra " + Procedure, entries[5].Details);
        Assert.Equal([AuditActions.Review], (await h.Editing.Get<AuditQuery>().LatestAsync(10, action: AuditActions.Review, cancellationToken: Token)).Select(e => e.Action));
        Assert.Equal(4, (await h.Editing.Get<AuditQuery>().LatestAsync(10, user: "Anne", cancellationToken: Token)).Count);
    }

    [Fact]
    public async Task RosterChanges_AreAudited()
    {
        await using var h = await StartAsync();

        await h.Roster.SaveAsync(new RosterEntry("ny", "Nina Nielsen", "Koordinator", "nina@test.example", ""), isNew: true, Anne, Token);
        await h.Roster.RetireAsync("ny", Bo, Token);

        var entries = await h.Editing.Get<AuditQuery>().LatestAsync(10, action: AuditActions.RosterChange, cancellationToken: Token);
        Assert.Equal([("Fratrådt ny", "Bo Bertelsen (demo:koordinator2)"), ("Tilføjet ny", "Anne Andersen (demo:koordinator)")], entries.Select(e => (e.Details, e.User)));
        Assert.All(entries, e => Assert.Equal("tovholdere.yml", e.Target));
    }
}
