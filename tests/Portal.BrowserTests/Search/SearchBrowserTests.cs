using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Search;

public class SearchBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task QuickSearch_TypeAndPickWithKeyboard_LandsOnDocument()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/bibliotek");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Keyboard.PressAsync("Control+k");
        var box = page.Locator("#hurtigsoeg");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await box.PressSequentiallyAsync("overgangsresume", new() { Delay = 30 });
        var first = page.Locator("#hurtigsoeg-forslag [role=option]").First;
        await Assertions.Expect(first).ToContainTextAsync("Overgangsresumé");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await page.WaitForURLAsync("**/dokument/arbejdsgange/07-tjeklister/overgangsresume");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Overgangsresumé");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QuickSearch_EnterWithoutSelection_OpensResultsPage()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/bibliotek");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Locator("#hurtigsoeg").FocusAsync();
        await page.Locator("#hurtigsoeg").PressSequentiallyAsync("SEL 41", new() { Delay = 30 });
        await page.Locator("#hurtigsoeg").PressAsync("Enter");

        await page.WaitForURLAsync("**/soeg?q=SEL%2041");
        await Assertions.Expect(page.Locator(".hit").First).ToContainTextAsync("merudgifter");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/soeg?q=afslag+merudgifter")]
    [InlineData("/soeg?q=merudgifer&type=afg%C3%B8relse&omraade=voksen")]
    [InlineData("/soeg?q=xyzzyqqq")]
    [InlineData("/soeg")]
    public async Task ResultsPage_HasNoSeriousAccessibilityViolations(string url)
    {
        await browser.AssertPageAccessibleAsync("sagsbehandler", url);
    }

    [Fact]
    public async Task ResultsPage_ShowsHighlightedSnippetsAndFacets()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/soeg?q=afslag+merudgifter");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator(".hit-snippet mark").First).ToBeVisibleAsync();
        await page.Locator(".facets a", new() { HasText = "Voksne" }).ClickAsync();

        await page.WaitForURLAsync("**omraade=voksen**");
        await Assertions.Expect(page.Locator(".facets a[aria-current=page]", new() { HasText = "Voksne" })).ToBeVisibleAsync();
        var areas = await page.Locator(".hit-area").AllInnerTextsAsync();
        Assert.NotEmpty(areas);
        Assert.All(areas, a => Assert.Equal("Voksne", a.Trim()));
        await page.Context.CloseAsync();
    }
}
