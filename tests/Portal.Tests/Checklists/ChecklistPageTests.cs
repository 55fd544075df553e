using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Checklists;
using Portal.Checklists.Components;
using Portal.Checklists.Pages;
using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Checklists;

public class ChecklistPageTests
{
    private const string Slug = "arbejdsgange/01-opstart/tjekliste-moede";

    private static async Task<(BunitContext Context, ChecklistTestDb Db)> CreateAsync()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var db = await ChecklistTestDb.CreateAsync(clock);
        var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Test Bruger");
        auth.SetRoles(Roles.Caseworker);
        auth.SetPolicies(Policies.Caseworker);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "test-sagsbehandler"));
        ctx.Services.AddSingleton(new MarkdownRenderer(new HtmlSafety()));
        ctx.Services.AddSingleton<ChecklistParser>();
        ctx.Services.AddSingleton(db.Store);
        ctx.Services.AddSingleton(Options.Create(db.Options));
        ctx.Services.AddScoped<LetterPrefill>();
        return (ctx.AsInteractiveServer(), db);
    }

    [Fact]
    public async Task ANoteOverTheLimit_ShowsWhyUnderTheField_AndIsNeverCut()
    {
        var (ctx, db) = await CreateAsync();
        await using var _ = db;
        await using var __ = ctx;
        var page = ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, Slug));
        page.Find("button[aria-label='Note til punktet: Send pjecen']").Click();
        page.Find(".checklist-note textarea").Change("givet til mor");

        page.Find(".checklist-note textarea").Change(new string('x', 600));

        Assert.Contains("Noten er 600 tegn. Den må højst være 500 tegn", page.Find(".checklist-note").TextContent);
        Assert.Contains("givet til mor", page.Find(".checklist-paper").TextContent);
        Assert.DoesNotContain(new string('x', 500), page.Find(".checklist-paper").TextContent);
    }

    [Fact]
    public async Task TickingItems_UpdatesProgress_AndNotesOpenPerItem()
    {
        var (ctx, db) = await CreateAsync();
        await using var _ = db;
        await using var __ = ctx;
        var page = ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, Slug));

        Assert.Equal("Tjekliste til første møde", page.Find("h1").TextContent);
        Assert.Contains("0 af 2 punkter", page.Find(".progress-text").TextContent);
        Assert.Equal("Før mødet", page.Find("h2.checklist-section").TextContent);

        page.FindAll(".checklist-item input[type=checkbox]")[0].Change(true);
        Assert.Contains("1 af 2 punkter krydset af (50 %)", page.Find(".progress-text").TextContent);
        Assert.Equal("1", page.Find("progress").GetAttribute("value"));

        Assert.Empty(page.FindAll(".checklist-note"));
        page.Find("button[aria-label='Note til punktet: Send pjecen']").Click();
        page.Find(".checklist-note textarea").Change("givet til mor");
        Assert.Contains("givet til mor", page.Find(".checklist-paper").TextContent);
        Assert.Contains("✓", page.Find(".checklist-paper .paper-box").TextContent);
    }

    [Fact]
    public async Task MakeReferat_HandsTheDateToTheLetterForm_WithoutTheCaseworkersOwnPreparation()
    {
        var (ctx, db) = await CreateAsync();
        await using var _ = db;
        await using var __ = ctx;
        var page = ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, Slug));
        Assert.True(page.Find("button.make-referat").HasAttribute("disabled"));

        // Both items sit under "Før mødet", the caseworker's own preparation: ticked, yet not what was talked about.
        page.FindAll(".checklist-item input[type=checkbox]")[1].Change(true);
        page.Find("button[aria-label='Note til punktet: Book lokale']").Click();
        page.Find(".checklist-note textarea").Change("lokale 2.14");
        page.Find("button.make-referat").Click();

        // The click saves the tab's draft (JS interop) before it navigates: wait for the navigation, not a fixed point.
        page.WaitForAssertion(() => Assert.EndsWith("/breve/ny/skabeloner/breve/aftalereferat", ctx.Services.GetRequiredService<NavigationManager>().Uri), TimeSpan.FromSeconds(10));
        var values = ctx.Services.GetRequiredService<LetterPrefill>().Take("skabeloner/breve/aftalereferat");
        Assert.Empty((IReadOnlyList<string>)values!["punkter"]!);
        Assert.Equal(new DateOnly(2026, 11, 23), values["moede_dato"]);
    }

    [Fact]
    public async Task NothingIsStored_UntilTheCaseworkerSaves_ThenItIsListedAndCanBeReopened()
    {
        var (ctx, db) = await CreateAsync();
        await using var _ = db;
        await using var __ = ctx;
        var page = ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, Slug));
        page.FindAll(".checklist-item input[type=checkbox]")[0].Change(true);
        Assert.Equal(0, await db.CountAsync());

        page.Find(".save-box input").Change("Møde tirsdag");
        await page.Find("button.save-checklist").ClickAsync(new());

        Assert.Equal(1, await db.CountAsync());
        await page.WaitForAssertionAsync(() => Assert.Contains("Møde tirsdag", page.Find(".saved-table").TextContent));
        Assert.Contains("slettes automatisk 23. december 2026", page.Find(".mud-alert").TextContent);
        Assert.Single(await db.Store.ListAsync("test-sagsbehandler", cancellationToken: Xunit.TestContext.Current.CancellationToken));

        page.Find("button:contains('Nulstil')").Click();
        Assert.Contains("0 af 2", page.Find(".progress-text").TextContent);
        await page.Find($"button[aria-label='Åbn Møde tirsdag']").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Contains("1 af 2", page.Find(".progress-text").TextContent));
    }

    [Fact]
    public async Task UnknownSlugAndNonChecklists_SaySoInDanish()
    {
        var (ctx, db) = await CreateAsync();
        await using var _ = db;
        await using var __ = ctx;

        Assert.Equal("Tjeklisten findes ikke", ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, "findes/ikke")).Find("h1").TextContent);
        var procedure = ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, "arbejdsgange/01-opstart/meddelelse-af-afslag"));
        Assert.Contains("er ikke en tjekliste", procedure.Markup);
    }

    [Fact]
    public async Task Index_ListsTheLibrarysChecklists()
    {
        var (ctx, db) = await CreateAsync();
        await using var _ = db;
        await using var __ = ctx;

        var page = ctx.Render<ChecklistPage>(p => p.Add(x => x.Slug, ""));

        Assert.Equal("Tjeklister i brug", page.Find("h1").TextContent);
        Assert.Equal("/tjekliste/" + Slug, Assert.Single(page.FindAll(".checklist-index a")).GetAttribute("href"));
    }

    [Fact]
    public async Task DocumentAction_ShowsOnlyOnChecklists()
    {
        var snapshot = await FixtureSnapshot.GetAsync();
        await using var ctx = BunitSetup.CreateContext(snapshot);

        var onChecklist = ctx.Render<UseChecklistAction>(p => p.Add(x => x.Document, snapshot.Find(Slug)));
        var onProcedure = ctx.Render<UseChecklistAction>(p => p.Add(x => x.Document, snapshot.Find("arbejdsgange/01-opstart/meddelelse-af-afslag")));

        Assert.Equal("/tjekliste/" + Slug, onChecklist.Find("a.use-checklist").GetAttribute("href"));
        Assert.Contains("Brug tjeklisten", onChecklist.Markup);
        Assert.Empty(onProcedure.Markup.Trim());
    }
}
