using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Checklists;
using Portal.Content;

namespace Portal.Tests.Checklists;

public class ChecklistStoreTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ChecklistSession NewSession(string slug = "arbejdsgange/07/tjek") =>
        new(ChecklistParser.Parse(slug, "Tjek", 1, "## A\n- [ ] Et\n- [ ] To\n", new MarkdownRenderer(new HtmlSafety()).Pipeline));

    [Fact]
    public async Task Save_IsTiedToTheCaseworker_OthersCannotSeeOpenOrDeleteIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider(s_start);
        await using var db = await ChecklistTestDb.CreateAsync(clock);
        var session = NewSession();
        session.SetChecked(session.Definition.Items.First().Key, true);

        var id = await db.Store.SaveAsync("sara", session, "Møde tirsdag", cancellationToken: ct);

        var mine = Assert.Single(await db.Store.ListAsync("sara", cancellationToken: ct));
        Assert.Equal(("Møde tirsdag", 1, 2), (mine.Label, mine.Done, mine.Total));
        Assert.Equal(s_start.AddDays(30), mine.ExpiresAt);
        Assert.Empty(await db.Store.ListAsync("mads", cancellationToken: ct));
        Assert.Null(await db.Store.FindAsync("mads", id, cancellationToken: ct));
        Assert.False(await db.Store.DeleteAsync("mads", id, cancellationToken: ct));
        Assert.NotNull(await db.Store.FindAsync("sara", id, cancellationToken: ct));
        Assert.False(session.IsDirty);
    }

    [Fact]
    public async Task SavingAgain_UpdatesTheSameRecord_AndRestartsTheRetention()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider(s_start);
        await using var db = await ChecklistTestDb.CreateAsync(clock);
        var session = NewSession();
        var id = await db.Store.SaveAsync("sara", session, "", cancellationToken: ct);

        clock.Advance(TimeSpan.FromDays(10));
        var again = await db.Store.SaveAsync("sara", session, "ny", id, cancellationToken: ct);

        Assert.Equal(id, again);
        Assert.Equal(1, await db.CountAsync());
        Assert.Equal(s_start.AddDays(40), (await db.Store.FindAsync("sara", id, cancellationToken: ct))!.ExpiresAt);
    }

    [Fact]
    public async Task DeleteExpired_RemovesOnlyWhatHasPassedItsRetention()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider(s_start);
        await using var db = await ChecklistTestDb.CreateAsync(clock, retentionDays: 30);
        await db.Store.SaveAsync("sara", NewSession(), "gammel", cancellationToken: ct);
        clock.Advance(TimeSpan.FromDays(5));
        await db.Store.SaveAsync("sara", NewSession(), "ny", cancellationToken: ct);

        clock.Advance(TimeSpan.FromDays(25) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await db.Store.DeleteExpiredAsync(ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await db.Store.DeleteExpiredAsync(ct));

        Assert.Equal("ny", Assert.Single(await db.Store.ListAsync("sara", cancellationToken: ct)).Label);
        await using var context = await db.Factory.CreateDbContextAsync(ct);
        Assert.Contains(await context.AuditLog.ToListAsync(ct), a => a.Action == "tjekliste.udloebet" && a.Details == "1 slettet");
    }

    [Fact]
    public async Task RetentionService_DeletesExpiredChecklists_WhenTheClockPassesTheRetention()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider(s_start);
        await using var db = await ChecklistTestDb.CreateAsync(clock, retentionDays: 30);
        var service = new ChecklistRetentionService(db.Store, clock, Microsoft.Extensions.Options.Options.Create(db.Options), NullLogger<ChecklistRetentionService>.Instance);
        var cleanups = System.Threading.Channels.Channel.CreateUnbounded<int>();
        service.Cleaned += n => cleanups.Writer.TryWrite(n);
        await db.Store.SaveAsync("sara", NewSession(), "", cancellationToken: ct);

        await service.StartAsync(ct);
        Assert.Equal(0, await cleanups.Reader.ReadAsync(ct));
        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await cleanups.Reader.ReadAsync(ct));
        Assert.Equal(1, await db.CountAsync());
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await cleanups.Reader.ReadAsync(ct));
        await service.StopAsync(ct);

        Assert.Equal(0, await db.CountAsync());
    }
}
