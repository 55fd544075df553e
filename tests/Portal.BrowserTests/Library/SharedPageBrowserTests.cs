using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Library;

/// <summary>
/// A document page shared between readers (Performance/SharedPageCache) works in a browser that did not render it: the
/// feedback dialog opens and is accessible at phone width, and the sign-out form's token is this browser's own.
/// </summary>
public class SharedPageBrowserTests(BrowserFixture browser)
{
    private const string Procedure = "arbejdsgange/02-oplysning-af-sagen/belysning-merudgifter-boern";

    [Fact]
    public async Task SecondBrowser_GetsTheSharedPage_ItsDialogFitsAPhone_AndItsSignOutWorks()
    {
        // Both browsers sign in for themselves: each has its own session and antiforgery cookie.
        var first = await browser.NewPageWithOwnSignInAsync("sagsbehandler");
        await first.GotoAsync($"/dokument/{Procedure}");
        // The second request of the page makes the shared template (a reload would revalidate and get 304).
        var again = await first.Context.APIRequest.GetAsync($"/dokument/{Procedure}");
        Assert.Equal(200, again.Status);
        var title = await first.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        await first.Context.CloseAsync();

        var second = await browser.NewPageWithOwnSignInAsync("sagsbehandler");
        await second.SetViewportSizeAsync(390, 844);
        await second.GotoAsync($"/dokument/{Procedure}");
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title!);
        await Assertions.Expect(second.Locator(".user-name")).ToHaveTextAsync("Sara Sørensen");

        // The open feedback dialog at phone width: axe, and nothing wider than the screen.
        await second.GetByRole(AriaRole.Button, new() { Name = "Giv besked til tovholder" }).ClickAsync();
        var dialog = second.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var box = await dialog.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"dialogen går fra {box.X} til {box.X + box.Width} px ved 390 px");
        var scrollWidth = await second.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"siden er {scrollWidth} px bred ved 390 px");
        await BrowserFixture.AssertAccessibleAsync(second);
        await second.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // The sign-out form carries this browser's token: signing out works and ends this session.
        await second.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await second.WaitForURLAsync(url => url.Contains("/konto/log-ind"));
        await second.GotoAsync($"/dokument/{Procedure}");
        await second.WaitForURLAsync(url => url.Contains("/konto/log-ind"));
        await second.Context.CloseAsync();
    }
}
