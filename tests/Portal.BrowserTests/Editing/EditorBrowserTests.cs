using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Editing;

public class EditorBrowserTests(BrowserFixture browser)
{
    private const string FirstChange = "Arbejdsgangen sikrer svar inden for 14 dage.";
    private const string SecondChange = "Arbejdsgangen sikrer svar inden for 10 dage.";

    [Fact]
    public async Task Coordinator_EditsPreviewsPublishesDiffsAndRestores_WithoutRewritingHistory()
    {
        var page = await browser.NewPageAsync("koordinator");
        var title = EditingPages.UniqueTitle("Testarbejdsgang redigering");
        var slug = await EditingPages.CreateDraftAsync(page, title);
        await Assertions.Expect(page.Locator(".editor-status")).ToContainTextAsync("Dokumentet er ikke udgivet endnu.");

        var original = await EditingPages.MarkdownBox(page).InputValueAsync();
        Assert.Contains("## Formål", original);
        var firstBody = original.Replace("Hvorfor arbejdsgangen findes, i 2-4 linjer.", FirstChange);
        await EditingPages.ReplaceBodyAsync(page, firstBody, FirstChange);
        await AssertAccessibleAsync(page);
        await EditingPages.SaveAsync(page, "Formålet er skrevet", publish: false);
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("Kladden er gemt som version 2");
        Assert.False(File.Exists(EditingPages.ContentFile(browser, slug)), "A draft must not be written to content/.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("Version 3 er udgivet og skrevet til content/.");
        Assert.Contains(FirstChange, await File.ReadAllTextAsync(EditingPages.ContentFile(browser, slug), TestContext.Current.CancellationToken));

        await EditingPages.ReplaceBodyAsync(page, firstBody.Replace(FirstChange, SecondChange), SecondChange);
        await EditingPages.SaveAsync(page, "Fristen er kortere", publish: true);
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("Version 4 er udgivet");

        await page.GetByRole(AriaRole.Link, new() { Name = "Historik og gendannelse" }).ClickAsync();
        await page.WaitForURLAsync($"**/historik/{slug}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var rows = page.Locator(".history-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.First).ToContainTextAsync("Fristen er kortere");

        // The two newest versions are compared at first; ticking version 1 compares it with version 4.
        await Assertions.Expect(page.GetByText("Fra version 3 til version 4.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff-removed")).ToContainTextAsync(FirstChange);
        await Assertions.Expect(page.Locator(".diff-added")).ToContainTextAsync(SecondChange);
        await page.GetByLabel("Sammenlign version 1").CheckAsync();
        await Assertions.Expect(page.GetByText("Fra version 1 til version 4.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff-removed")).ToContainTextAsync("Hvorfor arbejdsgangen findes");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Gendan version 3" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Version 3 er gendannet som version 5 og udgivet.");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(rows.First).ToContainTextAsync("Gendannet fra version 3");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Fristen er kortere");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("Formålet er skrevet");
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync("Formålet er skrevet");
        var file = await File.ReadAllTextAsync(EditingPages.ContentFile(browser, slug), TestContext.Current.CancellationToken);
        Assert.Contains(FirstChange, file);
        Assert.DoesNotContain(SecondChange, file);

        await page.GotoAsync($"/dokument/{slug}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByText(FirstChange)).ToBeVisibleAsync();

        // "Nyt og ændret" lists each published version with its reason, including the draft's comment that was published without a new one.
        await page.GotoAsync("/nyt");
        var changes = page.Locator(".change", new() { HasText = title });
        await Assertions.Expect(changes).ToHaveCountAsync(3);
        await Assertions.Expect(changes.Nth(0).Locator(".change-comment")).ToHaveTextAsync("Gendannet fra version 3");
        await Assertions.Expect(changes.Nth(1).Locator(".change-comment")).ToHaveTextAsync("Fristen er kortere");
        await Assertions.Expect(changes.Nth(2).Locator(".change-comment")).ToContainTextAsync("Formålet er skrevet");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoCoordinators_EditTheSameDocument_SecondSaveIsRefusedAndShowsBothVersions()
    {
        var anne = await browser.NewPageAsync("koordinator");
        var slug = await EditingPages.CreateDraftAsync(anne, EditingPages.UniqueTitle("Testarbejdsgang samtidighed"));
        var ida = await browser.NewPageAsync("administrator");
        await EditingPages.OpenEditorAsync(ida, slug);
        var original = await EditingPages.MarkdownBox(ida).InputValueAsync();

        const string anneText = "Anne skriver formålet.";
        const string idaText = "Ida skriver et andet formål.";
        await EditingPages.ReplaceBodyAsync(anne, original.Replace("Hvorfor arbejdsgangen findes, i 2-4 linjer.", anneText), anneText);
        await EditingPages.SaveAsync(anne, "Annes ændring", publish: false);
        await Assertions.Expect(anne.Locator(".editor-message")).ToContainTextAsync("Kladden er gemt som version 2");

        await EditingPages.ReplaceBodyAsync(ida, original.Replace("Hvorfor arbejdsgangen findes, i 2-4 linjer.", idaText), idaText);
        await EditingPages.SaveAsync(ida, "Idas ændring", publish: false);

        var conflict = ida.Locator(".save-conflict");
        await Assertions.Expect(conflict.GetByRole(AriaRole.Alert)).ToContainTextAsync("Din ændring er ikke gemt: Anne Andersen har gemt version 2");
        await Assertions.Expect(conflict.GetByLabel("Gemt version 2 af Anne Andersen", new() { Exact = true })).ToContainTextAsync(anneText);
        await Assertions.Expect(conflict.GetByLabel("Din tekst", new() { Exact = true })).ToContainTextAsync(idaText);
        await Assertions.Expect(conflict.Locator(".diff-removed")).ToContainTextAsync(anneText);
        await Assertions.Expect(conflict.Locator(".diff-added")).ToContainTextAsync(idaText);
        await Assertions.Expect(EditingPages.MarkdownBox(ida)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(idaText));
        await AssertAccessibleAsync(ida);

        // Nothing was overwritten: the history still ends with Anne's version.
        var history = await browser.NewPageAsync("koordinator");
        await history.GotoAsync($"/historik/{slug}");
        await BrowserFixture.WaitForInteractiveAsync(history);
        await Assertions.Expect(history.Locator(".history-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(history.Locator(".history-table tbody tr").First).ToContainTextAsync("Annes ændring");

        // Ida merges both texts after seeing Anne's version; only then is her save accepted.
        await ida.GetByRole(AriaRole.Button, new() { Name = "Behold min tekst (flet selv, og gem igen)" }).ClickAsync();
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        var merged = original.Replace("Hvorfor arbejdsgangen findes, i 2-4 linjer.", anneText + " " + idaText);
        await EditingPages.ReplaceBodyAsync(ida, merged, anneText + " " + idaText);
        await EditingPages.SaveAsync(ida, "Flettet med Annes ændring", publish: false);
        await Assertions.Expect(ida.Locator(".editor-message")).ToContainTextAsync("Kladden er gemt som version 3");

        await history.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(history);
        await Assertions.Expect(history.Locator(".history-table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(history.Locator(".history-table tbody tr").Nth(1)).ToContainTextAsync("Annes ændring");

        // Anne's editor still holds the old stamp: her next save is refused too, never silently replacing Ida's merge.
        await EditingPages.ReplaceBodyAsync(anne, original.Replace("Hvorfor arbejdsgangen findes, i 2-4 linjer.", "Annes tredje forsøg."), "Annes tredje forsøg.");
        await EditingPages.SaveAsync(anne, "Annes anden ændring", publish: false);
        await Assertions.Expect(anne.Locator(".save-conflict").GetByRole(AriaRole.Alert)).ToContainTextAsync("Ida Iversen har gemt version 3");

        foreach (var page in new[] { anne, ida, history })
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("sagsbehandler", "/rediger/arbejdsgange/03-afgoerelse/meddelelse-af-afslag-boern")]
    [InlineData("sagsbehandler", "/historik/arbejdsgange/03-afgoerelse/meddelelse-af-afslag-boern")]
    [InlineData("sagsbehandler", "/ny")]
    [InlineData("sagsbehandler", "/konflikter")]
    [InlineData("sagsbehandler", "/revision")]
    [InlineData("koordinator", "/tovholdere")]
    [InlineData("koordinator", "/revisionslog")]
    public async Task UserWithoutTheRole_OpeningAnEditingUrl_IsRefused(string user, string url)
    {
        var page = await browser.NewPageAsync(user);
        await page.GotoAsync(url);

        await page.WaitForURLAsync("**/konto/adgang-naegtet**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Du har ikke adgang");
        await Assertions.Expect(page.Locator("textarea, .history-table, .roster-table, .audit-table")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(Microsoft.Playwright.IPage page)
    {
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }
}
