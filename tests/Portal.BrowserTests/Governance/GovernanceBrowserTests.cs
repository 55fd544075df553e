using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.Content;

namespace Portal.BrowserTests.Governance;

/// <summary>The governance pages (statistics included): axe at desktop and 390 px, the as-of banner, and a law change registered in the form flagging the review dashboard.</summary>
public class GovernanceBrowserTests(BrowserFixture browser)
{
    private const string Procedure = "arbejdsgange/02-oplysning-af-sagen/belysning-merudgifter-boern";

    private static string Today => TimeProvider.System.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); // the portal's Danish day, not UTC's

    public static TheoryData<string, string, int> Pages() => new()
    {
        { "jurist", "/godkendelser", 1280 },
        { "jurist", "/godkendelser", 390 },
        { "koordinator", "/lovaendringer", 1280 },
        { "koordinator", "/lovaendringer", 390 },
        { "koordinator", "/statistik", 1280 },
        { "koordinator", "/statistik", 390 },
        { "sagsbehandler", $"/dokument/{Procedure}?dato={Today}", 1280 },
        { "sagsbehandler", $"/dokument/{Procedure}?dato={Today}", 390 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousAccessibilityViolations(string user, string url, int width)
    {
        var page = await browser.NewPageAsync(user);
        await page.SetViewportSizeAsync(width, 844);
        await page.GotoAsync(url);
        await BrowserFixture.WaitForInteractiveAsync(page);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{url}: siden er {scrollWidth} px bred ved {width} px");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DatePicker_ShowsTheVersionOfThatDay_WithABanner()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/dokument/" + Procedure);
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByLabel("Vis, som det så ud den").First.FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**dato=*");

        await Assertions.Expect(page.Locator(".as-of-banner")).ToContainTextAsync("Sådan så arbejdsgangen ud den");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LawChange_Registered_FlagsTheDocumentOnTheReviewDashboard()
    {
        var page = await browser.NewPageAsync("koordinator");
        await page.GotoAsync("/lovaendringer");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByLabel("Lov og paragraf(fer)").FillAsync("Barnets Lov § 86");
        await page.GetByLabel("I kraft fra (ÅÅÅÅ-MM-DD)").FillAsync("2025-09-01");
        await page.GetByLabel("Kort beskrivelse").FillAsync("Merudgiftsydelsen bliver til kompensationsydelse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Lovændringen er registreret");

        await page.GotoAsync("/revision");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".law-change-flags")).ToContainTextAsync("lovændring – skal gennemgås");
        await Assertions.Expect(page.Locator(".law-change-flags")).ToContainTextAsync("Merudgiftsydelsen bliver til kompensationsydelse");
        // The change reaches the document that cites it (the matcher's negative cases are unit-tested).
        await Assertions.Expect(page.Locator($".law-change-flags a[href='/dokument/{Procedure}']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PlannerUse_ShowsOnTheStatisticsPage_AsAChartAndATable_Accessibly_At390()
    {
        var page = await browser.NewPageAsync("koordinator");
        await page.GotoAsync("/overgang");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("#foedselsdato-tekst").FillAsync("03-04-2010");
        await page.Locator("#foedselsdato-tekst").PressAsync("Tab");
        await Assertions.Expect(page.Locator(".milestone").First).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/statistik");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var section = page.Locator("section#overgang");
        await Assertions.Expect(section.Locator("table caption")).ToContainTextAsync("Sager beregnet i Den Gode Overgang");
        await Assertions.Expect(section.Locator("figure.statistics-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("tbody tr").First).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"/statistik: siden er {scrollWidth} px bred ved 390 px");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
