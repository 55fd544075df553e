using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Letters;

/// <summary>The caseworker never loses a letter in progress: reload, Back and "Udfyld med eksempel" keep what was typed.</summary>
public class LetterDraftBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TypedLetter_SurvivesReloadAndBack_AndTheExampleAsksFirstAndCanBeUndone()
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/breve/ny/" + LetterTemplates.Refusal);
        await BrowserFixture.WaitForInteractiveAsync(page);
        var name = page.GetByLabel("Barnets navn");
        await name.FillAsync("Ida Testesen");
        await page.GetByLabel("Konkret vurdering").FillAsync("Udgifterne er ikke nødvendige.");
        await page.GetByLabel("Konkret vurdering").BlurAsync();
        await Assertions.Expect(page.Locator(".letter-preview")).ToContainTextAsync("Udgifterne er ikke nødvendige.");

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(name).ToHaveValueAsync("Ida Testesen");
        await Assertions.Expect(page.GetByLabel("Konkret vurdering")).ToHaveValueAsync("Udgifterne er ikke nødvendige.");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("sat ind igen");

        await page.GotoAsync("/breve");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GoBackAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(name).ToHaveValueAsync("Ida Testesen");

        // The example would overwrite typed fields: "Behold" keeps them, "Erstat" replaces them, "Fortryd" brings them back.
        var example = page.GetByRole(AriaRole.Button, new() { Name = "Udfyld med eksempel" });
        await example.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Barnets navn");
        await BrowserFixture.AssertAccessibleAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Behold mine oplysninger" }).ClickAsync();
        await Assertions.Expect(name).ToHaveValueAsync("Ida Testesen");
        await example.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Erstat med eksempel" }).ClickAsync();
        await Assertions.Expect(name).Not.ToHaveValueAsync("Ida Testesen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortryd" }).ClickAsync();
        await Assertions.Expect(name).ToHaveValueAsync("Ida Testesen");
        await Assertions.Expect(page.GetByLabel("Konkret vurdering")).ToHaveValueAsync("Udgifterne er ikke nødvendige.");

        // Closing the tab with typed input asks first (the browser's own beforeunload question).
        var asked = new TaskCompletionSource<string>();
        page.Dialog += (_, d) =>
        {
            asked.TrySetResult(d.Type);
            _ = d.DismissAsync();
        };
        await page.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal(DialogType.BeforeUnload, await asked.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        await page.Context.CloseAsync();
    }
}
