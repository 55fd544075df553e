using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.Content;

namespace Portal.BrowserTests.Editing;

public class ConflictBrowserTests(BrowserFixture browser)
{
    private const string Placeholder = "Hvorfor arbejdsgangen findes, i 2-4 linjer.";

    [Fact]
    public async Task FileChangedOnDiskAndInThePortal_IsAConflict_NeitherIsOverwritten_AndMergingInTheEditorResolvesIt()
    {
        var page = await browser.NewPageAsync("koordinator");
        var slug = await EditingPages.CreateDraftAsync(page, EditingPages.UniqueTitle("Testarbejdsgang konflikt"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("er udgivet og skrevet til content/.");
        var body = await EditingPages.MarkdownBox(page).InputValueAsync();
        await EditingPages.ReplaceBodyAsync(page, body.Replace(Placeholder, "Skrevet i portalen."), "Skrevet i portalen.");
        await EditingPages.SaveAsync(page, "Kladde i portalen", publish: false);
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("Kladden er gemt");

        // Someone edits the same file in git meanwhile.
        var file = EditingPages.ContentFile(browser, slug);
        var diskText = (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace(Placeholder, "Skrevet i git.");
        await File.WriteAllTextAsync(file, diskText, TestContext.Current.CancellationToken);
        await browser.Server.Services.GetRequiredService<ContentSynchronizer>().SyncAsync(TestContext.Current.CancellationToken);

        await page.GotoAsync("/konflikter");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var conflict = page.Locator("section.conflict", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = slug, Exact = true }) });
        await Assertions.Expect(conflict.GetByLabel("Filen i content/", new() { Exact = true })).ToContainTextAsync("Skrevet i git.");
        await Assertions.Expect(conflict.GetByLabel("Portalens version 3", new() { Exact = true })).ToContainTextAsync("Skrevet i portalen.");
        Assert.Equal(diskText, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        await conflict.GetByRole(AriaRole.Link, new() { Name = "Flet i editoren" }).ClickAsync();
        await page.WaitForURLAsync($"**/rediger/{slug}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".disk-conflict")).ToContainTextAsync("Ingen af dem er overskrevet");
        await Assertions.Expect(EditingPages.MarkdownBox(page)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Skrevet i portalen\\."));
        await page.GetByRole(AriaRole.Button, new() { Name = "Indlæs filens tekst i editoren" }).ClickAsync();
        await Assertions.Expect(EditingPages.Preview(page)).ToContainTextAsync("Skrevet i git.");
        var merged = (await EditingPages.MarkdownBox(page).InputValueAsync()).Replace("Skrevet i git.", "Skrevet i git. Skrevet i portalen.");
        await EditingPages.ReplaceBodyAsync(page, merged, "Skrevet i git. Skrevet i portalen.");
        await EditingPages.SaveAsync(page, "Flettet med filen fra git", publish: true);
        await Assertions.Expect(page.Locator(".editor-message")).ToContainTextAsync("er udgivet og skrevet til content/.");
        await Assertions.Expect(page.Locator(".disk-conflict")).ToHaveCountAsync(0);
        Assert.Contains("Skrevet i git. Skrevet i portalen.", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));

        await page.GotoAsync("/konflikter");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = slug, Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
