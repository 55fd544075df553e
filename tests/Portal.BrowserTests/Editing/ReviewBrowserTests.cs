using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Editing;

public class ReviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task FreshDemoInstall_ShowsOverdueAndSoonDueDocuments_WithANotice()
    {
        var page = await browser.NewPageAsync("koordinator");
        await page.GotoAsync("/revision");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("#demo-revisionsdatoer")).ToContainTextAsync("4 dokumenter har fået en revisionsdato tæt på i dag");
        await Assertions.Expect(page.Locator(".review-row-overskredet", new() { HasText = "Første møde med borgeren" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".review-row-snart", new() { HasText = "Familievejleder" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".review-counts")).Not.ToContainTextAsync("0 overskredet");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Coordinator_SeesCountsByStatus_AndMarksAnOverdueDocumentAsReviewed()
    {
        var page = await browser.NewPageAsync("koordinator");
        var title = EditingPages.UniqueTitle("Testarbejdsgang revision");
        var slug = await EditingPages.CreateDraftAsync(page, title);
        await page.GetByLabel("Revideres senest").FillAsync("01-10-2026");
        await page.GetByLabel("Revideres senest").PressAsync("Tab");
        await EditingPages.SaveAsync(page, "Revisionsdatoen er overskredet", publish: true);
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("er udgivet");

        await page.GotoAsync("/revision");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var counts = page.Locator(".review-counts");
        await Assertions.Expect(counts).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ overskredet"));
        await Assertions.Expect(counts).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ snart"));
        await Assertions.Expect(counts).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ gyldige"));

        // Picking from a popover needs the live circuit, so the typed search below is not lost to the prerendered page.
        await page.GetByLabel("Tovholder", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Anne Andersen", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await page.GetByLabel("Søg i titel").FillAsync(title);
        await Assertions.Expect(page.Locator(".review-row")).ToHaveCountAsync(1);
        await Assertions.Expect(counts).ToContainTextAsync("1 overskredet");
        await Assertions.Expect(counts).ToContainTextAsync("0 gyldige");
        await Assertions.Expect(page.Locator(".review-row-overskredet")).ToContainTextAsync(title);

        // The review writes a version and the file: the coordinator confirms, and may add a remark for the history.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Markér som gennemgået: {title}" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await confirm.GetByLabel("Bemærkning (valgfri)").FillAsync("Lovhenvisningerne er tjekket");
        await BrowserFixture.AssertAccessibleAsync(page);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Markér som gennemgået", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"\"{title}\" er markeret som gennemgået. Version 3 er udgivet");
        await Assertions.Expect(counts).ToContainTextAsync("0 overskredet");
        await Assertions.Expect(counts).ToContainTextAsync("1 gyldige");
        await Assertions.Expect(page.Locator(".review-row-gyldig")).ToContainTextAsync(title);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        // A second review the same day sets the same date, yet is still a review to record.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Markér som gennemgået: {title}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Markér som gennemgået", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Version 4 er udgivet");

        await page.GotoAsync($"/historik/{slug}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var rows = page.Locator(".history-table tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Gennemgået af Anne Andersen" })).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "Lovhenvisningerne er tjekket" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Gennemgået – udgivet nu");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Caseworker_GivesTheOwnerAMessage_WhichLandsOnTheDashboard()
    {
        var coordinator = await browser.NewPageAsync("koordinator");
        var title = EditingPages.UniqueTitle("Testarbejdsgang besked");
        var slug = await EditingPages.CreateDraftAsync(coordinator, title);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".editor-message")).ToContainTextAsync("er udgivet");

        var caseworker = await browser.NewPageAsync("sagsbehandler");
        await caseworker.GotoAsync($"/dokument/{slug}");
        await BrowserFixture.WaitForInteractiveAsync(caseworker);
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Link, new() { Name = "Rediger" })).ToHaveCountAsync(0);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Giv besked til tovholder" }).ClickAsync();
        var dialog = caseworker.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Beskeden går til Anne Andersen");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(caseworker);
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        // Reading the document opened no circuit: the dialog is a native <dialog> run by portal.js.
        Assert.Equal(0, await caseworker.EvaluateAsync<int>("() => document.querySelectorAll('.mud-popover-provider, [data-island]').length"));

        // Refused (a CPR number): the Danish reason in the dialog, and the text is still there.
        await dialog.GetByText("Uklart – svært at forstå eller bruge").ClickAsync();
        await dialog.GetByLabel("Din besked").FillAsync("Borgeren 010190-1234 fik et forkert svar.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send besked" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("CPR-nummer");
        await Assertions.Expect(dialog.GetByLabel("Din besked")).ToHaveValueAsync("Borgeren 010190-1234 fik et forkert svar.");

        // Escape closes it and gives focus back to the button; opening it again keeps the text but not the old error.
        await caseworker.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "Giv besked til tovholder" })).ToBeFocusedAsync();
        await caseworker.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        const string text = "Tabellen under Handling mangler hvem der gør hvad.";
        await dialog.GetByLabel("Din besked").FillAsync(text);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send besked" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(caseworker.GetByText("Beskeden er sendt til Anne Andersen")).ToBeVisibleAsync();

        await coordinator.GotoAsync("/revision");
        await BrowserFixture.WaitForInteractiveAsync(coordinator);
        var message = coordinator.Locator(".owner-message", new() { HasText = text });
        await Assertions.Expect(message).ToContainTextAsync(title);
        await Assertions.Expect(message).ToContainTextAsync("Uklart");
        await Assertions.Expect(message).ToContainTextAsync("Sara Sørensen");
        foreach (var page in new[] { coordinator, caseworker })
        {
            await page.Context.CloseAsync();
        }
    }
}
