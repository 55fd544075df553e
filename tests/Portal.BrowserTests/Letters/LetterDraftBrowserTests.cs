using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Letters;

/// <summary>
/// Issue 15 "never lose the caseworker's work" and "Danish everywhere" on the letter form, as a caseworker meets it:
/// the example asks before overwriting and can be undone, the typed letter survives reload and Back in its tab (and
/// only there), leaving asks first, and a wrong date is explained in Danish without text leaking into the next field.
/// </summary>
public class LetterDraftBrowserTests(BrowserFixture browser)
{
    private static readonly string Url = "/breve/ny/" + LetterTemplates.Refusal;

    [Fact]
    public async Task TypedLetter_SurvivesReloadAndBack_InItsTabOnly_AndTheExampleAsksFirst()
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync(Url);
        await BrowserFixture.WaitForInteractiveAsync(page);
        var name = page.GetByLabel("Barnets navn");
        await name.PressSequentiallyAsync("Ida Testesen");
        await page.GetByLabel("Faktiske forhold").FillAsync("Egen tekst om Idas hverdag.");
        await Assertions.Expect(page.Locator(".letter-preview")).ToContainTextAsync("Ida Testesen");

        // The example asks before it overwrites what was typed: keeping changes nothing ...
        await page.GetByRole(AriaRole.Button, new() { Name = "Udfyld med eksempel" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Behold mine oplysninger" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(name).ToHaveValueAsync("Ida Testesen");

        // ... replacing can be undone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Udfyld med eksempel" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Erstat med eksempel" }).ClickAsync();
        await Assertions.Expect(name).Not.ToHaveValueAsync("Ida Testesen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortryd" }).ClickAsync();
        await Assertions.Expect(name).ToHaveValueAsync("Ida Testesen");
        await Assertions.Expect(page.GetByLabel("Faktiske forhold")).ToHaveValueAsync("Egen tekst om Idas hverdag.");

        // Reload and Back keep the letter in this tab.
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByLabel("Barnets navn")).ToHaveValueAsync("Ida Testesen");

        // Leaving for another page asks first (the browser's own "leave site?" question).
        var asked = new List<string>();
        page.Dialog += async (_, question) =>
        {
            asked.Add(question.Type);
            await question.AcceptAsync();
        };
        await page.GetByLabel("Faktiske forhold").FillAsync("Egen tekst om Idas hverdag og skole.");
        await Assertions.Expect(page.Locator(".letter-preview")).ToContainTextAsync("skole");
        await page.GotoAsync("/bibliotek");
        Assert.Contains(DialogType.BeforeUnload, asked);

        await page.GoBackAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByLabel("Barnets navn")).ToHaveValueAsync("Ida Testesen");
        await Assertions.Expect(page.GetByLabel("Faktiske forhold")).ToHaveValueAsync("Egen tekst om Idas hverdag og skole.");

        // Another tab of the same browser starts empty: the draft lives in the tab, not on the server or in the profile.
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync(Url);
        await BrowserFixture.WaitForInteractiveAsync(otherTab);
        await Assertions.Expect(otherTab.GetByLabel("Barnets navn")).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ImpossibleDate_IsExplainedInDanish_AndTabMovesOnWithoutLeakingText()
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync(Url);
        await BrowserFixture.WaitForInteractiveAsync(page);

        var date = page.GetByLabel("Ansøgningsdato", new() { Exact = true });
        await date.FillAsync("31-02-2026");
        await date.PressAsync("Tab");

        var form = page.Locator(".letter-form");
        await Assertions.Expect(form).ToContainTextAsync("31. februar 2026 findes ikke");
        await Assertions.Expect(form).Not.ToContainTextAsync("Not a valid");
        await Assertions.Expect(date).ToHaveValueAsync("31-02-2026");
        // Focus moved to the next control, which holds none of the typed date.
        var focused = await page.EvaluateAsync<string>("() => (document.activeElement?.value ?? '') + '|' + (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '')");
        Assert.False(focused.StartsWith("31", StringComparison.Ordinal) || focused.Contains("2026|", StringComparison.Ordinal), focused);
        Assert.NotEqual(await date.EvaluateAsync<string>("e => e.id"), await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));

        // Corrected, the message goes and the date reaches the letter.
        await date.FillAsync("14-09-2026");
        await date.PressAsync("Tab");
        await Assertions.Expect(form).Not.ToContainTextAsync("findes ikke");
        await Assertions.Expect(page.Locator(".letter-preview")).ToContainTextAsync("14. september 2026");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
