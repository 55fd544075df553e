using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.Content;
using Portal.Letters;

namespace Portal.BrowserTests.Letters;

/// <summary>
/// Issue 12 "juridisk status on every template", as the caseworker and the coordinator see it: the picker's column,
/// the panel on the letter page, and what a draft may not do.
/// </summary>
public class LegalStatusBrowserTests(BrowserFixture browser)
{
    private const string Unresolved = "skabeloner/afgoerelser/boern/afslag-tidligt-forebyggende-indsats";
    private const string Pending = "skabeloner/breve/kvittering-test";
    private const string Approved = "skabeloner/breve/kvittering-godkendt-test";
    private const string ApprovedTitle = "Kvittering for ansøgning (godkendt test)";

    [Fact]
    public async Task Picker_ShowsEachTemplatesStatus_AndTheLetterPageSaysWhatMayBeSent()
    {
        await EnsureApprovedTemplateAsync();
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/breve");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByLabel("Søg i titler og emneord").FillAsync("kvittering for ansøgning");
        await Assertions.Expect(StatusCell(page, ApprovedTitle)).ToHaveTextAsync("Juridisk godkendt");
        await Assertions.Expect(StatusCell(page, "Kvittering for ansøgning (test)")).ToHaveTextAsync("Afventer juridisk godkendelse");
        await page.GetByLabel("Søg i titler og emneord").FillAsync("tidligt forebyggende");
        await Assertions.Expect(StatusCell(page, "Afslag på tidligt forebyggende indsats")).ToHaveTextAsync("Juridisk uafklaret");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Unresolved: the open question is shown, letters are drafts, and nothing can be sent.
        await page.GotoAsync("/breve/ny/" + Unresolved);
        await BrowserFixture.WaitForInteractiveAsync(page);
        var panel = page.Locator(".legal-status-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Juridisk uafklaret.");
        await Assertions.Expect(panel).ToContainTextAsync("Uafklaret: Kan et afslag på en tidligt forebyggende indsats");
        await Assertions.Expect(panel).ToContainTextAsync("må ikke sendes til borgeren");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send og journalisér" })).ToBeDisabledAsync();
        // How a jurist approves is for coordinators only.
        await Assertions.Expect(page.Locator(".legal-approval")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Approved: who approved and when, and no draft warning.
        await page.GotoAsync("/breve/ny/" + Approved);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-status", "Approved");
        await Assertions.Expect(panel).ToContainTextAsync("Juridisk godkendt. Godkendt af Johanne Juul den 1. december 2026.");
        await Assertions.Expect(panel).Not.ToContainTextAsync("må ikke sendes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Coordinator_SeesHowAJuristApprovesTheCurrentText()
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("koordinator");
        await page.GotoAsync("/breve/ny/" + Pending);
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator(".legal-status-panel")).ToContainTextAsync("Afventer juridisk godkendelse.");
        var howTo = page.Locator(".legal-approval");
        await howTo.Locator("summary").ClickAsync();
        var hash = LegalStatus.HashOf(Document(Pending));
        await Assertions.Expect(howTo.Locator(".legal-approval-yaml")).ToContainTextAsync("status: godkendt");
        await Assertions.Expect(howTo.Locator(".legal-approval-yaml")).ToContainTextAsync("godkendt_hash: " + hash);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static ILocator StatusCell(IPage page, string title) =>
        page.Locator(".template-table tbody tr", new() { HasText = title }).Locator("td.legal-status");

    private LibraryDocument Document(string slug) =>
        browser.Server.Services.GetRequiredService<ContentCatalog>().Current.Find(slug) ?? throw new InvalidOperationException(slug);

    /// <summary>A copy of the test receipt approved by a jurist for its exact text, as the jurist's YAML would approve it.</summary>
    private async Task EnsureApprovedTemplateAsync()
    {
        await LetterTemplates.EnsureAsync(browser);
        var target = Path.Combine(browser.Server.ContentPath, Approved + ".md");
        if (File.Exists(target))
        {
            return;
        }
        var source = File.ReadAllText(Path.Combine(browser.Server.ContentPath, Pending + ".md"));
        var approval = "juridisk_status: { status: godkendt, godkendt_af: Johanne Juul, godkendt_dato: 2026-12-01, godkendt_hash: "
            + LegalStatus.HashOf(Document(Pending)) + " }";
        File.WriteAllText(target, source
            .Replace("titel: Kvittering for ansøgning (test)", "titel: " + ApprovedTitle)
            .Replace("juridisk_status: { status: afventer }", approval));
        await browser.Server.Services.GetRequiredService<ContentSynchronizer>().SyncAsync();
        Assert.True(Document(Approved) is not null);
    }
}
