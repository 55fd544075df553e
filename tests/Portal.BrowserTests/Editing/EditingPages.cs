using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Editing;

/// <summary>
/// Steps shared by the editing tests. Each test edits only documents it has created itself,
/// so the shared server's content stays as the other browser tests expect it.
/// </summary>
public static class EditingPages
{
    /// <summary>A title no other test searches for or counts, unique per call.</summary>
    public static string UniqueTitle(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates a procedure draft through "Nyt dokument" and returns its slug, with the editor open.</summary>
    public static async Task<string> CreateDraftAsync(IPage page, string title)
    {
        await page.GotoAsync("/ny");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByLabel("Tovholder").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Anne Andersen", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await page.GetByLabel("Titel").FillAsync(title);
        // The file name's placeholder is computed on the server from the title: the server has it.
        await Assertions.Expect(page.GetByLabel("Filnavn (udfyldes ud fra titlen, hvis tomt)")).ToHaveAttributeAsync("placeholder", new System.Text.RegularExpressions.Regex("^testarbejdsgang-"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret kladde" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/rediger/**");
        }
        catch (TimeoutException)
        {
            var alerts = await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync();
            Assert.Fail($"'{title}' blev ikke oprettet. Beskeder på siden: {string.Join(" | ", alerts)}");
        }
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Rediger: {title}");
        return new Uri(page.Url).AbsolutePath["/rediger/".Length..];
    }

    public static async Task OpenEditorAsync(IPage page, string slug)
    {
        await page.GotoAsync($"/rediger/{slug}");
        await BrowserFixture.WaitForInteractiveAsync(page);
    }

    public static ILocator MarkdownBox(IPage page) => page.GetByLabel("Tekst (Markdown)");

    public static ILocator Preview(IPage page) => page.GetByTestId("forhaandsvisning");

    /// <summary>Replaces the Markdown body and waits for the debounced preview to show the given text.</summary>
    public static async Task ReplaceBodyAsync(IPage page, string body, string expectInPreview)
    {
        await MarkdownBox(page).FillAsync(body);
        await Assertions.Expect(Preview(page)).ToContainTextAsync(expectInPreview);
    }

    /// <summary>Writes the change comment and presses "Gem kladde" or "Udgiv".</summary>
    public static async Task SaveAsync(IPage page, string comment, bool publish)
    {
        await page.GetByLabel("Ændringskommentar (hvad og hvorfor)").FillAsync(comment);
        await page.GetByLabel("Ændringskommentar (hvad og hvorfor)").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = publish ? "Udgiv" : "Gem kladde", Exact = true }).ClickAsync();
    }

    /// <summary>The published file in the server's content copy.</summary>
    public static string ContentFile(BrowserFixture browser, string slug) => Path.Combine(browser.Server.ContentPath, slug + ".md");
}
