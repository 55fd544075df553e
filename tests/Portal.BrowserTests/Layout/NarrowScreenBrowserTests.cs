using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Layout;

/// <summary>Every page on a 390 × 844 phone: no horizontal scrolling of the page, sign-out reachable, and axe passes.</summary>
public class NarrowScreenBrowserTests(BrowserFixture browser)
{
    private const string Procedure = "arbejdsgange/10-til-borgere/pjece-sagsforloebet-voksne";
    private const string Checklist = "arbejdsgange/07-tjeklister/tjekliste-foerste-moede";
    private const string Letter = "skabeloner/afgoerelser/voksne/afslag-merudgifter";

    public static TheoryData<string> Pages() =>
    [
        "/", "/bibliotek", "/bibliotek?mappe=arbejdsgange/02-oplysning-af-sagen", "/dokument/" + Procedure, "/soeg?q=afslag", "/tilbud-folder", "/breve", "/breve/ny/" + Letter,
        "/tjekliste", "/tjekliste/" + Checklist, "/overgang", "/overgang/liste", "/skift-af-sagsbehandler", "/sagsforloeb", "/nyt",
        "/rediger/" + Procedure, "/ny", "/historik/" + Procedure, "/konflikter", "/revision", "/indholdsfejl", "/tovholdere", "/revisionslog", "/udbakke",
        "/konto/sessioner",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At390px_HasNoHorizontalScroll_AndPassesAxe(string url)
    {
        var page = await browser.NewPageAsync("administrator");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(url);
        await BrowserFixture.WaitForInteractiveAsync(page);

        var overflow = await page.EvaluateAsync<string>("""
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width) return '';
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
              return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${wide.join(', ')}`;
            }
            """);
        Assert.True(overflow.Length == 0, $"{url}: {overflow}");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Log ud" });
        var box = await signOut.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"{url}: Log ud ligger uden for skærmen ({box?.X})");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>On a phone the menu must not cover the page it opens on; the menu button opens it (static and interactive pages).</summary>
    [Theory]
    [InlineData("/bibliotek")]
    [InlineData("/breve")]
    public async Task Menu_OnAPhone_StartsClosed_AndTheMenuButtonOpensIt(string url)
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(url);
        await BrowserFixture.WaitForInteractiveAsync(page);

        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(drawer).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Vis eller skjul menuen" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Breve og afgørelser" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WideTable_ScrollsInsideItsOwnLabelledBox()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/dokument/" + Procedure);
        await BrowserFixture.WaitForInteractiveAsync(page);

        var box = page.Locator(".markdown-body .table-scroll").First;
        await Assertions.Expect(box).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-label", "Tabel, kan rulles vandret");
        await page.Context.CloseAsync();
    }
}
