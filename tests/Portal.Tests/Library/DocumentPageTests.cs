using Bunit;
using Portal.Auth;
using Portal.Library.Pages;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Library;

public class DocumentPageTests
{
    [Fact]
    public async Task DocumentPage_ShowsTitleOwnerReviewStatusAndLawLinks()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());

        var page = ctx.AsInteractiveServer().Render<DocumentPage>(p => p.Add(x => x.Slug, "arbejdsgange/01-opstart/meddelelse-af-afslag"));

        Assert.Equal("Meddelelse af afslag", page.Find("h1").TextContent);
        Assert.Contains("Test Koordinator", page.Find(".owner").TextContent);
        Assert.Equal("mailto:koordinator@test.example", page.Find(".owner a").GetAttribute("href"));
        Assert.Contains("Gyldig", page.Find(".review-status").TextContent);
        Assert.Contains("30. juni 2099", page.Find(".review-status").TextContent);
        Assert.Contains(page.FindAll(".legal-basis a"), a => a.GetAttribute("href")!.EndsWith("#P86"));
        Assert.Equal(4, page.FindAll(".toc li").Count);
        Assert.Contains("Tovholder: Test Koordinator", page.Find(".print-footer").TextContent);
    }

    [Fact]
    public async Task DocumentPage_OverdueReview_IsShownInTextNotOnlyColour()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync(), today: new DateOnly(2099, 7, 1));

        var page = ctx.AsInteractiveServer().Render<DocumentPage>(p => p.Add(x => x.Slug, "arbejdsgange/01-opstart/meddelelse-af-afslag"));

        Assert.Contains("Revision overskredet", page.Find(".review-status").TextContent);
        Assert.NotNull(page.Find(".review-overskredet"));
    }

    [Fact]
    public async Task DocumentPage_DueWithin30Days_IsMarkedSoon()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync(), today: new DateOnly(2099, 6, 10));

        var page = ctx.AsInteractiveServer().Render<DocumentPage>(p => p.Add(x => x.Slug, "arbejdsgange/01-opstart/meddelelse-af-afslag"));

        Assert.Contains("Revideres snart", page.Find(".review-status").TextContent);
    }

    [Fact]
    public async Task DocumentPage_UnknownSlug_SaysSoInDanish()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());

        var page = ctx.AsInteractiveServer().Render<DocumentPage>(p => p.Add(x => x.Slug, "findes/ikke"));

        Assert.Equal("Dokumentet findes ikke", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task DocumentPage_ActionsAreStaticMarkup_PrintAndFeedbackForPortalJs()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        var page = ctx.Render<DocumentPage>(p => p.Add(x => x.Slug, "arbejdsgange/01-opstart/meddelelse-af-afslag"));

        var print = page.FindAll("button").Single(b => b.TextContent.Contains("Udskriv"));
        Assert.True(print.HasAttribute("data-print"));
        var feedback = page.FindAll("button").Single(b => b.TextContent.Contains("Giv besked til tovholder"));
        Assert.Equal("tovholder-besked", feedback.GetAttribute("data-dialog-open"));
        var dialog = page.Find("dialog#tovholder-besked");
        Assert.Equal("tovholder-besked-titel", dialog.GetAttribute("aria-labelledby"));
        Assert.Contains("Test Koordinator", dialog.TextContent);
        Assert.Equal(4, dialog.QuerySelectorAll("input[type=radio]").Length);
        Assert.Single(dialog.QuerySelectorAll("input[type=radio][checked]"));
        Assert.Equal("2000", page.Find("#tovholder-besked-tekst").GetAttribute("maxlength"));
        Assert.NotNull(page.Find("label[for=tovholder-besked-tekst]"));
        Assert.Empty(ctx.JSInterop.Invocations);
    }
}
