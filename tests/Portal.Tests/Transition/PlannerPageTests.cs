using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Data;
using Portal.Letters;
using Portal.Tests.Infrastructure;
using Portal.Transition;
using Portal.Transition.Pages;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class PlannerPageTests
{
    private static BunitContext CreateContext()
    {
        var ctx = BunitSetup.CreateContext(today: D("2026-01-15"));
        var options = Shipped();
        ctx.Services.AddSingleton(options);
        ctx.Services.AddSingleton<TransitionRules>();
        ctx.Services.AddSingleton<MilestoneDescriber>();
        ctx.Services.AddScoped<LetterPrefill>();
        // The planner counts its use for the statistics: an audit log over a migrated temp database.
        var dbPath = Path.Combine(Path.GetTempPath(), $"handicap-planner-{Guid.NewGuid():N}.db");
        ctx.Services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={dbPath}"));
        ctx.Services.AddSingleton<AuditLog>();
        ctx.Services.AddScoped<TransitionUsage>();
        using (var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={dbPath}").Options))
        {
            db.Database.Migrate();
        }
        return ctx.AsInteractiveServer();
    }

    [Fact]
    public async Task Planning_IsCountedOncePerDateOfBirth_WithoutTheDate()
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();

        page.Find("#foedselsdato-tekst").Change("03-04-2010");
        page.Find("#foedselsdato-tekst").Change("03-04-2010");
        page.Find("#foedselsdato-tekst").Change("05-06-2010");

        await using var db = await ctx.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        List<AuditEntry> entries = [];
        for (var i = 0; i < 50 && entries.Count < 2; i++)
        {
            // The audit log commits in the background (group commit); the page does not wait for the count.
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
            entries = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.TransitionPlanned).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        }
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("""{"cases":1}""", e.Details));
        Assert.All(entries, e => Assert.DoesNotContain("2010", $"{e.Target} {e.Details}"));
    }

    [Fact]
    public async Task TypingADateOfBirth_ShowsEveryMilestoneWithDateStatusAndRule()
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();

        page.Find("#foedselsdato-tekst").Change("03-04-2010");

        var items = page.FindAll(".milestone");
        Assert.Equal(7, items.Count);
        Assert.Equal("Milepæle for en ung født 3. april 2010", page.Find("#milepaele-titel").TextContent);
        var meeting = page.Find(".milestone[data-kind=CafeMeeting]");
        Assert.Contains("20. maj 2026", meeting.TextContent);
        Assert.Contains("onsdag", meeting.TextContent);
        Assert.Contains("Kommende", meeting.TextContent);
        Assert.StartsWith("Regel:", meeting.QuerySelector(".milestone-rule")!.TextContent);
        Assert.Contains("Passeret", page.Find(".milestone[data-kind=Notice15Half]").TextContent);
        Assert.Contains("Til orientering", page.Find(".milestone[data-kind=FastTrack]").TextContent);
    }

    [Fact]
    public async Task OpeningTheInvitation_HandsTheMeetingDateAndNameToTheLetterForm()
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();
        page.Find("#foedselsdato-tekst").Change("03-04-2010");
        page.Find("#unge-navn").Change("Mikkel");
        // The fields hand their values on through async callbacks; once, under load, the test saw no navigation: wait
        // for the render and the navigation instead of assuming both synchronous.
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(".milestone[data-kind=CafeInvitation] .milestone-letter")));

        page.Find(".milestone[data-kind=CafeInvitation] .milestone-letter").Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        await page.WaitForAssertionAsync(() => Assert.EndsWith("/breve/ny/skabeloner/breve/invitation-til-cafemoede-16-aar", navigation.Uri));
        var values = ctx.Services.GetRequiredService<LetterPrefill>().Take("skabeloner/breve/invitation-til-cafemoede-16-aar");
        Assert.NotNull(values);
        Assert.Equal(D("2026-05-20"), values["cafemoede_dato"]);
        Assert.Equal("Mikkel", values["unge_navn"]);
    }

    [Fact]
    public async Task OpeningTheInformationLetter_HandsThe18thBirthday()
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();
        page.Find("#foedselsdato-tekst").Change("03-04-2010");

        page.Find(".milestone[data-kind=InformationLetter] .milestone-letter").Click();

        var values = ctx.Services.GetRequiredService<LetterPrefill>().Take("skabeloner/breve/informationsbrev-aendringer-ved-18-aar");
        Assert.Equal(D("2028-04-03"), values!["fylder_18"]);
        Assert.Equal(D("2026-05-20"), values["cafemoede_dato"]);
        Assert.False(values.ContainsKey("unge_navn"));
    }

    [Theory]
    [InlineData("03-04-2031", "ligger i fremtiden")]
    [InlineData("31-02-2010", "februar 2010 har 28 dage")]
    [InlineData("03-04-10", "fire cifre")]
    public async Task BadDates_ShowADanishErrorAndNoMilestones(string input, string message)
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();

        page.Find("#foedselsdato-tekst").Change(input);

        Assert.Contains(message, page.Markup);
        Assert.Empty(page.FindAll(".milestone"));
    }

    [Fact]
    public async Task LateArrival_ShowsTheFastTrackWarningAndDeadline()
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();
        page.Find("#foedselsdato-tekst").Change("03-04-2010");

        page.Find("#tilflytning-tekst").Change("01-05-2026");

        Assert.Contains("Den hurtige Gode Overgang", page.Find(".mud-alert").TextContent);
        Assert.Empty(page.FindAll(".milestone[data-kind=Notice15Half]"));
        Assert.Contains("1. juni 2026", page.Find(".milestone[data-kind=FastTrack]").TextContent);
        Assert.Contains("19. august 2026", page.Find(".milestone[data-kind=CafeMeeting]").TextContent);
    }

    [Fact]
    public async Task ArrivalAfter18_IsRejected()
    {
        await using var ctx = CreateContext();
        var page = ctx.Render<PlannerPage>();
        page.Find("#foedselsdato-tekst").Change("03-04-2000");

        page.Find("#tilflytning-tekst").Change("01-05-2026");

        Assert.Contains("Den Gode Overgang gælder ikke", page.Markup);
        Assert.Empty(page.FindAll(".milestone"));
    }
}
