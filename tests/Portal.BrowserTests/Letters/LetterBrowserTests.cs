using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Letters;

public class LetterBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Caseworker_FillsRefusal_SeesFridayWarning_DownloadsDocx()
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("sagsbehandler", acceptDownloads: true);
        await page.GotoAsync("/breve");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByLabel("Søg i titler og emneord").FillAsync("merudgifter test");
        // The list filters 200 ms after typing; a click in that window can land on a row the filter then replaces.
        var link = page.GetByRole(AriaRole.Link, new() { Name = LetterTemplates.RefusalTitle });
        await link.ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/breve/ny/**", new() { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            await link.ClickAsync();
            await page.WaitForURLAsync("**/breve/ny/**");
        }
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByLabel("Barnets navn").FillAsync("Ida Testesen");
        await FillDateAsync(page, "Ansøgningsdato", "14-09-2026");
        await page.GetByLabel("Gruppe", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "gruppe II" }).ClickAsync();
        await FillDateAsync(page, "Dato for mundtligt afslag", "26-11-2026");
        await page.GetByLabel("Faktiske forhold").FillAsync("Ida har en kronisk lidelse. <script>alert(1)</script>");
        await page.GetByLabel("Konkret vurdering").FillAsync("Udgifterne er ikke **nødvendige**.");
        await page.GetByLabel("Partshøring (forvaltningsloven § 19)", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Ikke nødvendig" }).ClickAsync();
        await page.GetByLabel("Hvorfor partshøring ikke er nødvendig").FillAsync("Der er ingen oplysninger til ugunst, som Ida's forældre ikke kender.");
        await FillDateAsync(page, "Afsendelsesdato", "27-11-2026");
        await page.GetByLabel("Navn (modtager 1)").FillAsync("Anna Testesen");

        var preview = page.Locator(".letter-preview");
        await Assertions.Expect(preview).ToContainTextAsync("Afslag på merudgifter til Ida Testesen");
        await Assertions.Expect(preview).ToContainTextAsync("<script>alert(1)</script>");
        await Assertions.Expect(preview).ToContainTextAsync("**nødvendige**");
        // The recipient is typed last: wait until the server has it before downloading.
        await Assertions.Expect(preview).ToContainTextAsync("Anna Testesen");
        var warning = page.Locator(".letter-warning[data-code='fredag']");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning).ToContainTextAsync("fredag");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Hent Word (DOCX)" }).ClickAsync());
        Assert.Equal("afslag-merudgifter-test-2026-11-27.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), "letter-" + Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            using var docx = WordprocessingDocument.Open(path, false);
            var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Afslag på merudgifter til Ida Testesen", text);
            Assert.Contains("<script>alert(1)</script>", text);
            Assert.Contains("Anna Testesen", text);
        }
        finally
        {
            File.Delete(path);
        }

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".letter-form")).ToBeHiddenAsync();
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await Assertions.Expect(preview.Locator(".letter").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DocumentPage_UseTemplate_OpensTheForm()
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/dokument/" + LetterTemplates.Refusal);
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Brug skabelonen" }).ClickAsync();

        await page.WaitForURLAsync("**/breve/ny/" + LetterTemplates.Refusal);
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync(LetterTemplates.RefusalTitle);
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/breve")]
    [InlineData("/breve/ny/" + LetterTemplates.Refusal)]
    public async Task LetterPages_HaveNoSeriousAccessibilityViolations(string url)
    {
        await LetterTemplates.EnsureAsync(browser);
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync(url);
        await BrowserFixture.WaitForInteractiveAsync(page);
        if (url.Contains("/ny/", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Udfyld med eksempel" }).ClickAsync();
            await Assertions.Expect(page.Locator(".letter-preview .letter").First).ToBeVisibleAsync();
        }

        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task FillDateAsync(IPage page, string label, string date)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        await input.FillAsync(date);
        await input.PressAsync("Tab");
    }
}
