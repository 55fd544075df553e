using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Library;

public class LibraryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Caseworker_OpensProcedureFromTree_SeesOwnerReviewDateAndPrintView()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/bibliotek");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Meddelelse af afslag – børn", Exact = false }).First;
        var title = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await page.WaitForURLAsync("**/dokument/**");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".owner-name")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("Revideres senest");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".print-footer")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".print-footer")).ToContainTextAsync("Tovholder:");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Library_FilterByType_ShowsOnlyChecklists()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/bibliotek?type=tjekliste");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var types = await page.Locator(".doc-type").AllInnerTextsAsync();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("Tjekliste", t.Trim()));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sagsbehandler", "/")]
    [InlineData("sagsbehandler", "/bibliotek")]
    [InlineData("sagsbehandler", "/bibliotek?mappe=arbejdsgange/02-oplysning-af-sagen&omraade=voksen")]
    [InlineData("sagsbehandler", "/dokument/arbejdsgange/07-tjeklister/tjekliste-foerste-moede")]
    [InlineData("sagsbehandler", "/findes-ikke")]
    [InlineData("sagsbehandler", "/tilbud-folder?omraade=voksen")]
    [InlineData("koordinator", "/")]
    [InlineData("koordinator", "/indholdsfejl")]
    public async Task Page_HasNoSeriousAccessibilityViolations(string user, string url)
    {
        await browser.AssertPageAccessibleAsync(user, url);
    }

    [Theory]
    [InlineData("/konto/log-ind")]
    [InlineData("/konto/adgang-naegtet")]
    public async Task StaticPage_HasNoSeriousAccessibilityViolations(string url)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.Server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        Assert.True(violations.Count == 0, string.Join('\n', violations));
        await context.CloseAsync();
    }
}
