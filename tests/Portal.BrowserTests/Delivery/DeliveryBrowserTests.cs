using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Delivery;

public class DeliveryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task OutboxPage_Coordinator_PassesAxe()
    {
        await browser.AssertPageAccessibleAsync("koordinator", "/udbakke");
    }

    [Fact]
    public async Task LetterPage_SendPanel_IsLabelledAndKeyboardReachable()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/breve/ny/skabeloner/afgoerelser/voksne/afslag-merudgifter");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Endelig PDF og afsendelse" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Modtagerens CPR- eller CVR-nummer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Sagsnummer i sagssystemet")).ToBeVisibleAsync();
        // The shipped template is not approved yet: the panel says why and keeps sending off.
        await Assertions.Expect(page.Locator(".send-panel")).ToContainTextAsync("udkast");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send og journalisér" })).ToBeDisabledAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
