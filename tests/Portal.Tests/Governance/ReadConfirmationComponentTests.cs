using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Editing;
using Portal.Governance;
using Portal.Governance.ReadConfirmation;
using Portal.Library.Pages;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Governance;

public class ReadConfirmationComponentTests
{
    private const string Slug = "arbejdsgange/01-opstart/meddelelse-af-afslag";

    private static MaterialChange Change(int version) => new()
    {
        DocumentId = 7,
        VersionNumber = version,
        AudienceKind = AudienceKind.AllCaseworkers,
        MarkedById = "demo:koordinator",
        MarkedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
    };

    private static FakeReadConfirmations Fake(BunitContext ctx) => (FakeReadConfirmations)ctx.Services.GetRequiredService<IReadConfirmationView>();

    [Fact]
    public async Task StartPageList_ShowsEachPendingChange_AsALinkToItsConfirmation()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        Fake(ctx).Pending.Add(new PendingRead(Slug, "Meddelelse af afslag", 3, Change(3).MarkedAt, "Alle sagsbehandlere"));

        var list = ctx.Render<PendingReadsList>(p => p.Add(x => x.Profile, new UserProfile("demo:sara", "Sara", "s@test.example")));

        Assert.Equal("Nye ændringer, du skal læse", list.Find("h2").TextContent);
        Assert.Equal($"/dokument/{Slug}#laesebekraeftelse", list.Find("a").GetAttribute("href"));
    }

    [Fact]
    public async Task StartPageList_WithNothingPending_RendersNothing()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());

        var list = ctx.Render<PendingReadsList>(p => p.Add(x => x.Profile, new UserProfile("demo:sara", "Sara", "s@test.example")));

        Assert.Empty(list.Markup.Trim());
    }

    [Fact]
    public async Task DocumentPage_PendingChange_ShowsTheDiffAndTheConfirmForm_ButNoCoverageForACaseworker()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        var fake = Fake(ctx);
        fake.States[Slug] = new DocumentReadState(Slug, Change(3), 2, VersionDiff.Compute("Gammel linje\n", "Ny linje\n"), null);
        fake.Coverage.Add(new DocumentCoverage(Slug, "Meddelelse af afslag", "Test Koordinator", Change(3), []));

        var page = ctx.AsInteractiveServer().Render<DocumentPage>(p => p.Add(x => x.Slug, Slug));

        Assert.Contains("Væsentlig ændring, du skal læse", page.Find("#laesebekraeftelse h2").TextContent);
        Assert.Contains("Ny linje", page.Find("#laesebekraeftelse ins").TextContent);
        Assert.Equal(ReadConfirmationApi.ConfirmPath, page.Find("#laesebekraeftelse form").GetAttribute("action"));
        Assert.Equal("3", page.Find("#laesebekraeftelse input[name=version]").GetAttribute("value"));
        Assert.Equal("Jeg har læst ændringen", page.Find("#laesebekraeftelse button").TextContent);
        Assert.Empty(page.FindAll(".read-coverage"));
    }

    [Fact]
    public async Task DocumentPage_Coordinator_SeesWhoHasConfirmed_PerUnit_AndTheReminderForm()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync(), role: Roles.Coordinator);
        Fake(ctx).Coverage.Add(new DocumentCoverage(Slug, "Meddelelse af afslag", "Test Koordinator", Change(3),
        [
            new ReaderStatus(new Reader("a", "Sara Sørensen", "", "Børnehandicap", [Roles.Caseworker]), 3, Change(3).MarkedAt.AddHours(2)),
            new ReaderStatus(new Reader("b", "Mads Madsen", "", "Voksenhandicap", [Roles.Caseworker]), 3, null),
        ]));

        var page = ctx.AsInteractiveServer().Render<DocumentPage>(p => p.Add(x => x.Slug, Slug));

        Assert.Contains("1 af 2 personer har bekræftet", page.Find(".read-coverage-summary").TextContent);
        Assert.Equal("Mads Madsen, Voksenhandicap", page.Find(".read-missing li").TextContent);
        Assert.Contains("Sara Sørensen", page.Find(".read-confirmed li").TextContent);
        Assert.Equal(2, page.FindAll(".read-coverage-units tbody tr").Count);
        Assert.Equal(ReadConfirmationApi.RemindPath, page.Find(".read-reminder-form").GetAttribute("action"));
    }

    [Fact]
    public async Task Picker_ShowsTheAudienceOnlyForAMaterialChange()
    {
        await using var ctx = BunitSetup.CreateContext();
        var choice = new MaterialChoice();

        var picker = ctx.Render<MaterialChangePicker>(p => p.Add(x => x.Choice, choice));
        Assert.Empty(picker.FindAll(".material-audience"));
        Assert.Null(choice.Audience);

        await picker.InvokeAsync(() => picker.Find("input[type=checkbox]").Change(true));

        Assert.NotEmpty(picker.FindAll(".material-audience"));
        Assert.Equal(ReadAudience.AllCaseworkers, choice.Audience);
    }
}
