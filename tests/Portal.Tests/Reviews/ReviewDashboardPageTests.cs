using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Reviews;
using Portal.Reviews.Pages;
using static Portal.Tests.Editing.EditingHarness;
using static Portal.Tests.Reviews.ReviewHarness;

namespace Portal.Tests.Reviews;

/// <summary>The review dashboard page on 2099-02-10: one document overskredet, one snart, one gyldig.</summary>
public class ReviewDashboardPageTests
{
    private static readonly UserProfile Caseworker = new("demo:sagsbehandler", "Sara Sagsbehandler", "sara@test.example", "", "", "", "", [Roles.Caseworker]);

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static async Task<ReviewHarness> StartOnAsync()
    {
        var h = await StartAsync();
        h.SetToday(2099, 2, 10);
        return h;
    }

    [Fact]
    public async Task Shows_CountsPerStatus_AndGroupsByTovholderThenArea()
    {
        await using var h = await StartOnAsync();
        await using var ctx = ReviewBunit.Create(h);

        var page = ctx.Render<ReviewDashboardPage>();

        Assert.Equal(["1 overskredet", "1 snart", "1 gyldige"], Chips(page));
        var owners = page.FindAll("section.owner-group h2").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(2, owners.Count);
        Assert.StartsWith("Test Proceskonsulent", owners[0]);
        Assert.EndsWith("2 dokumenter, 1 overskredet", owners[0]);
        Assert.StartsWith("Test Koordinator", owners[1]);
        Assert.Equal(["Voksne (1)", "Fælles (1)"], page.FindAll("section.owner-group")[0].QuerySelectorAll("h3").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Ventilen", "Tjekliste til første møde", "Meddelelse af afslag"], page.FindAll("tr.review-row a").Where((_, i) => i % 2 == 0).Select(a => a.TextContent.Trim()));
        Assert.Single(page.FindAll("tr.review-row-overskredet"));
        Assert.Single(page.FindAll("tr.review-row-snart"));
        Assert.Single(page.FindAll("tr.review-row-gyldig"));
    }

    [Fact]
    public async Task ClickingAStatusCount_FiltersTheRows_AndClickingAgainClearsIt()
    {
        await using var h = await StartOnAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<ReviewDashboardPage>();

        await page.InvokeAsync(() => page.FindAll(".review-counts .mud-chip").First(c => c.TextContent.Contains("overskredet")).ClickAsync(new()));

        Assert.Equal("Tjekliste til første møde", page.Find("tr.review-row a").TextContent.Trim());
        Assert.Single(page.FindAll("tr.review-row"));
        Assert.Equal(["1 overskredet", "1 snart", "1 gyldige"], Chips(page));

        await page.InvokeAsync(() => page.FindAll(".review-counts .mud-chip").First(c => c.TextContent.Contains("overskredet")).ClickAsync(new()));

        Assert.Equal(3, page.FindAll("tr.review-row").Count);
    }

    [Fact]
    public async Task StatusAndTovholderInTheAddress_FilterTheDashboard()
    {
        await using var h = await StartOnAsync();
        await using var ctx = ReviewBunit.Create(h);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/revision?status=gyldig&tovholder=koordinator-boern");

        var page = ctx.Render<ReviewDashboardPage>();

        Assert.Equal("Meddelelse af afslag", page.Find("tr.review-row a").TextContent.Trim());
        Assert.Single(page.FindAll("tr.review-row"));
        Assert.Equal(["0 overskredet", "0 snart", "1 gyldige"], Chips(page));
    }

    [Fact]
    public async Task MarkAsReviewed_MovesTheDocumentToGyldig_AndSaysWhoAndWhen()
    {
        await using var h = await StartOnAsync();
        await using var ctx = ReviewBunit.Create(h);
        var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
        var page = ctx.Render<ReviewDashboardPage>();

        // The click waits for the dialog's answer; nothing is written before the coordinator confirms.
        var asking = page.InvokeAsync(() => page.Find("button[aria-label='Markér som gennemgået: Tjekliste til første møde']").ClickAsync(new()));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("får næste revisionsdato", dialogs.Markup));
        Assert.Empty(await h.Reviews.HistoryAsync(Checklist, Token));
        await dialogs.InvokeAsync(() => dialogs.Find(".mud-dialog-actions .mud-button-filled").ClickAsync(new()));
        await asking;

        await page.WaitForAssertionAsync(() => Assert.Equal(["0 overskredet", "1 snart", "2 gyldige"], Chips(page)));
        var alert = page.Find("[role=alert]").TextContent;
        Assert.Contains("\"Tjekliste til første møde\" er markeret som gennemgået.", alert);
        var record = Assert.Single(await h.Reviews.HistoryAsync(Checklist, Token));
        Assert.Equal((ReviewBunit.UserName, new DateOnly(2100, 2, 10)), (record.Reviewer, record.NextReviewDate));
    }

    [Fact]
    public async Task CaseworkersMessages_AppearOnTheDashboard_AndCanBeMarkedHandled()
    {
        await using var h = await StartOnAsync();
        var sent = await h.Feedback.SubmitAsync(new FeedbackRequest(Offer, "uklart", "Hvem betaler transporten?"), Caseworker, Token);
        Assert.True(sent.Saved, sent.Message);
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<ReviewDashboardPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal("Beskeder fra sagsbehandlere (1)", page.Find("#beskeder").TextContent.Trim()));
        var message = page.Find(".owner-message").TextContent;
        Assert.Contains("Uklart", message);
        Assert.Contains("Ventilen", message);
        Assert.Contains("til Test Proceskonsulent", message);
        Assert.Contains("fra Sara Sagsbehandler", message);
        Assert.Contains("Hvem betaler transporten?", message);

        await page.InvokeAsync(() => page.Find(".owner-message button").ClickAsync(new()));

        await page.WaitForAssertionAsync(() => Assert.Equal("Beskeder fra sagsbehandlere (0)", page.Find("#beskeder").TextContent.Trim()));
        Assert.NotNull(Assert.Single(await h.Feedback.ListAsync(null, includeHandled: true, Token)).HandledAt);
    }

    [Fact]
    public async Task KunMine_ShowsTheSignedInTovholdersDocuments()
    {
        await using var h = await StartOnAsync();
        await using var ctx = ReviewBunit.Create(h, email: "koordinator@test.example");
        var page = ctx.Render<ReviewDashboardPage>();

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Kun mine").ClickAsync(new()));

        Assert.Equal("Meddelelse af afslag", page.Find("tr.review-row a").TextContent.Trim());
        Assert.Single(page.FindAll("section.owner-group"));
    }

    private static List<string> Chips(IRenderedComponent<ReviewDashboardPage> page) =>
        [.. page.FindAll(".review-counts .mud-chip").Select(c => c.TextContent.Trim())];
}
