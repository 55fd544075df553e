using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Transition;

public class TransitionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EnterADateOfBirth_AndOpenTheCafeInvitationWithTheDate()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/overgang");
        await WaitForFormAsync(page);

        await page.Locator("#foedselsdato-tekst").FillAsync("03-04-2010");
        await page.Locator("#foedselsdato-tekst").PressAsync("Tab");

        var meeting = page.Locator(".milestone[data-kind=CafeMeeting]");
        await Assertions.Expect(meeting).ToContainTextAsync("20. maj 2026");
        await Assertions.Expect(meeting.Locator(".milestone-rule")).ToContainTextAsync("Regel:");
        await Assertions.Expect(page.Locator(".milestone")).ToHaveCountAsync(7);

        await page.GetByRole(AriaRole.Button, new() { Name = "Åbn invitationen til cafémødet" }).ClickAsync();

        // The date travels through LetterPrefill (asserted in PlannerPageTests); after the letters engine is merged this
        // test should also read the form's cafemoede_dato field.
        await page.WaitForURLAsync("**/breve/ny/skabeloner/breve/invitation-til-cafemoede-16-aar");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BadDateOfBirth_ShowsADanishMessage()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/overgang");
        await WaitForFormAsync(page);

        await page.Locator("#foedselsdato-tekst").FillAsync("31-02-2010");
        await page.Locator("#foedselsdato-tekst").PressAsync("Tab");

        await Assertions.Expect(page.GetByText("februar 2010 har 28 dage")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".milestone")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PasteACaseList_ShowsMilestonesInThePeriod_AndLineErrors()
    {
        var page = await OpenListWithResultsAsync();

        await Assertions.Expect(page.Locator(".hit-table tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator(".parse-errors")).ToContainTextAsync("Linje 4:");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sagsnummer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".hit-table th").First).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(page.Locator(".hit-table tbody tr").First).ToContainTextAsync("2026-1");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Hent som kalender (.ics)" }).ClickAsync());
        var ics = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Equal(7, ics.Split("BEGIN:VEVENT").Length - 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Handover_UnplannedPermanent_OpensTheRightLetter()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/skift-af-sagsbehandler");
        await WaitForFormAsync(page);

        await page.GetByText("Ikke planlagt", new() { Exact = true }).ClickAsync();
        await page.GetByText("Permanent", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#situation-titel")).ToHaveTextAsync("Permanent ikke planlagt skift");
        await Assertions.Expect(page.Locator(".record-card li")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Button, new() { Name = "Åbn brevet om permanent ikke planlagt skift" }).ClickAsync();
        await page.WaitForURLAsync("**/breve/ny/skabeloner/breve/permanent-ikke-planlagt-skift");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sagsforloeb_PrintsAsOnePageWithSixSteps()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/sagsforloeb?omraade=voksen");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sagsforløbet for borgere");
        await Assertions.Expect(page.Locator("h2.journey-heading")).ToHaveTextAsync("Sådan foregår din sag i Voksenhandicap");
        await Assertions.Expect(page.Locator(".journey-step")).ToHaveCountAsync(6);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".journey-toolbar")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.Equal(1, CountPdfPages(pdf));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/overgang")]
    [InlineData("/overgang/liste")]
    [InlineData("/skift-af-sagsbehandler")]
    [InlineData("/sagsforloeb")]
    [InlineData("/sagsforloeb?omraade=voksen")]
    public async Task TransitionPages_HaveNoSeriousAccessibilityViolations(string url)
    {
        await browser.AssertPageAccessibleAsync("sagsbehandler", url);
    }

    [Fact]
    public async Task PlannerWithMilestones_AndListWithResults_HaveNoSeriousAccessibilityViolations()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/overgang");
        await WaitForFormAsync(page);
        await page.Locator("#foedselsdato-tekst").FillAsync("03-04-2010");
        await page.Locator("#foedselsdato-tekst").PressAsync("Tab");
        await Assertions.Expect(page.Locator(".milestone")).ToHaveCountAsync(7);
        var planner = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();

        var list = await OpenListWithResultsAsync();
        var listViolations = await BrowserFixture.SeriousAccessibilityViolationsAsync(list);
        await list.Context.CloseAsync();

        Assert.True(planner.Count == 0, string.Join('\n', planner));
        Assert.True(listViolations.Count == 0, string.Join('\n', listViolations));
    }

    private async Task<IPage> OpenListWithResultsAsync()
    {
        var page = await browser.NewPageAsync("sagsbehandler", acceptDownloads: true);
        await page.GotoAsync("/overgang/liste");
        await WaitForFormAsync(page);
        await page.Locator("#csv-tekst").FillAsync("sagsnummer;fødselsdato\n2026-2;03-04-2010\n2026-1;31-12-2010\n2026-3;31-02-2010\n");
        await page.Locator("#fra-tekst").FillAsync("01-04-2026");
        await page.Locator("#fra-tekst").PressAsync("Tab");
        await page.Locator("#til-tekst").FillAsync("30-11-2026");
        await page.Locator("#til-tekst").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find milepæle" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resultat-titel")).ToBeVisibleAsync();
        return page;
    }

    // The page marks its form once the circuit renders it, so typed input is never lost to the prerendered HTML.
    private static async Task WaitForFormAsync(IPage page)
    {
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    // Chromium writes one "/Type /Page" object per page (and "/Type /Pages" for the tree).
    private static int CountPdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)").Count;
}
