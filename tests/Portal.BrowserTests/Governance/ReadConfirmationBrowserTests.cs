using Microsoft.Playwright;
using Portal.BrowserTests.Editing;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Governance;

/// <summary>
/// Issue 17's flows: a template change through four eyes (coordinator → jurist → caseworkers), and a material change
/// confirmed by a caseworker and seen by the tovholder, with axe on the pages involved at desktop and 390 px.
/// </summary>
public class ReadConfirmationBrowserTests(BrowserFixture browser)
{
    // A letter template no other browser test renders; the flow appends one line to it.
    private const string Template = "skabeloner/breve/kvitteringsbrev";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task CoveragePage_HasNoSeriousAccessibilityViolations(int width)
    {
        var page = await browser.NewPageAsync("koordinator");
        await page.SetViewportSizeAsync(width, 844);
        await page.GotoAsync("/laesebekraeftelser");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Læsebekræftelser");
        await AssertFitsAndAccessibleAsync(page, width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TemplateChange_SentForApproval_ApprovedByTheJurist_IsWhatCaseworkersSee()
    {
        var line = $"Vi behandler din henvendelse hurtigst muligt ({Guid.NewGuid().ToString("N")[..8]}).";
        var author = await browser.NewPageAsync("koordinator");
        await EditingPages.OpenEditorAsync(author, Template);
        var original = await EditingPages.MarkdownBox(author).InputValueAsync();
        await EditingPages.ReplaceBodyAsync(author, original.TrimEnd() + "\n\n" + line + "\n", line);
        await author.GetByLabel("Ændringskommentar (hvad og hvorfor)").FillAsync("Kortere svartid i kvitteringen");
        await author.GetByLabel("Ændringskommentar (hvad og hvorfor)").BlurAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Send til godkendelse" }).ClickAsync();
        await Assertions.Expect(author.Locator(".editor-message")).ToContainTextAsync("er sendt til godkendelse");
        await author.Context.CloseAsync();

        var caseworker = await browser.NewPageAsync("sagsbehandler");
        await caseworker.GotoAsync("/dokument/" + Template);
        await Assertions.Expect(caseworker.Locator(".document-body")).Not.ToContainTextAsync(line);

        var jurist = await browser.NewPageAsync("jurist");
        await jurist.GotoAsync("/godkendelser");
        await BrowserFixture.WaitForInteractiveAsync(jurist);
        var item = jurist.Locator(".approval-item", new() { HasText = line });
        await Assertions.Expect(item.Locator(".diff-added", new() { HasText = line })).ToBeVisibleAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Godkend og udgiv" }).ClickAsync();
        await Assertions.Expect(jurist.GetByRole(AriaRole.Alert)).ToContainTextAsync("er godkendt og udgivet");
        await jurist.Context.CloseAsync();

        try
        {
            await caseworker.GotoAsync("/dokument/" + Template);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
        {
            // The open page's live update reloaded it for the publication at the same moment: that reload is the page we want.
            await caseworker.WaitForLoadStateAsync(LoadState.Load);
        }
        await Assertions.Expect(caseworker.Locator(".document-body")).ToContainTextAsync(line);
        await caseworker.Context.CloseAsync();
    }

    [Fact]
    public async Task MaterialChange_CaseworkerConfirmsFromTheStartPage_TovholderSeesCoverage()
    {
        var change = "Afgørelsen skal nu sendes inden for 10 hverdage.";
        var author = await browser.NewPageAsync("koordinator");
        var title = EditingPages.UniqueTitle("Testarbejdsgang læsebekræftelse");
        var slug = await EditingPages.CreateDraftAsync(author, title);
        await EditingPages.SaveAsync(author, "Første udgave", publish: true);
        await Assertions.Expect(author.Locator(".editor-message")).ToContainTextAsync("er udgivet");
        var body = await EditingPages.MarkdownBox(author).InputValueAsync();
        await EditingPages.ReplaceBodyAsync(author, body.TrimEnd() + "\n\n" + change + "\n", change);
        await author.GetByLabel("Væsentlig ændring, som skal læses og bekræftes").CheckAsync();
        await Assertions.Expect(author.GetByLabel("Hvem skal læse ændringen?")).ToBeVisibleAsync();
        await EditingPages.SaveAsync(author, "Ny frist for afgørelsen", publish: true);
        await Assertions.Expect(author.Locator(".editor-message")).ToContainTextAsync("er udgivet");
        await author.Context.CloseAsync();

        var sara = await browser.NewPageAsync("sagsbehandler");
        await sara.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(sara);
        var pending = sara.Locator(".pending-reads");
        await Assertions.Expect(pending.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Nye ændringer, du skal læse");
        await BrowserFixture.AssertAccessibleAsync(sara);
        // The reading page loads without a circuit: follow the link's address as a full load, as the interactive router does.
        var href = await pending.GetByRole(AriaRole.Link, new() { Name = title }).GetAttributeAsync("href");
        Assert.Equal($"/dokument/{slug}#laesebekraeftelse", href);
        await sara.GotoAsync(href!);
        await BrowserFixture.WaitForInteractiveAsync(sara);
        var panel = sara.Locator("#laesebekraeftelse");
        await Assertions.Expect(panel.Locator(".diff-added", new() { HasText = change })).ToBeVisibleAsync();
        await AssertFitsAndAccessibleAsync(sara, 1366);
        await NarrowAsync(sara);
        await AssertFitsAndAccessibleAsync(sara, 390);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Jeg har læst ændringen" }).ClickAsync();
        await Assertions.Expect(sara.Locator(".read-confirmation-message")).ToHaveTextAsync("Tak. Du har bekræftet, at du har læst ændringen.");
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Jeg har læst ændringen" })).ToHaveCountAsync(0);
        await sara.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(sara);
        await Assertions.Expect(sara.Locator(".pending-reads", new() { HasText = title })).ToHaveCountAsync(0);
        await sara.Context.CloseAsync();

        // Anne Andersen is the tovholder (and a coordinator): coverage on the document and on /laesebekraeftelser.
        var anne = await browser.NewPageAsync("koordinator");
        await anne.GotoAsync($"/dokument/{slug}");
        await Assertions.Expect(anne.Locator(".read-coverage-panel .read-confirmed")).ToContainTextAsync("Sara Sørensen");
        await Assertions.Expect(anne.Locator(".read-coverage-panel .read-missing")).ToContainTextAsync("Mads Madsen");
        await AssertFitsAndAccessibleAsync(anne, 1366);
        await anne.GotoAsync("/laesebekraeftelser");
        var section = anne.Locator(".read-coverage-document", new() { HasText = title });
        await Assertions.Expect(section.Locator(".read-coverage-summary")).ToContainTextAsync("1 af 2 personer har bekræftet");
        await Assertions.Expect(section.Locator(".read-coverage-units")).ToContainTextAsync("Børnehandicap");
        await AssertFitsAndAccessibleAsync(anne, 1366);
        await NarrowAsync(anne);
        await AssertFitsAndAccessibleAsync(anne, 390);
        await anne.Context.CloseAsync();
    }

    /// <summary>390 px, reloaded so the layout's responsive drawer starts narrow instead of animating from desktop.</summary>
    private static async Task NarrowAsync(IPage page)
    {
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            // Name the elements that stick out, so a failure says where to look.
            var wide = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {width} + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            Assert.Fail($"{page.Url}: siden er {scrollWidth} px bred ved {width} px: {string.Join(" | ", wide)}");
        }
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
