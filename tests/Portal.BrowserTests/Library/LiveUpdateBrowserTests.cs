using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.Content;

namespace Portal.BrowserTests.Library;

/// <summary>The document page renders statically (no circuit), yet a changed content file still reaches the open page.</summary>
public class LiveUpdateBrowserTests(BrowserFixture browser)
{
    private const string Slug = "arbejdsgange/99-browsertest/live-opdatering";

    [Fact]
    public async Task OpenDocumentPage_FileChangesOnDisk_PageShowsTheNewText()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(browser.Server.ContentPath, Slug + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Document("Første udgave af teksten."), ct);
        var sync = browser.Server.Services.GetRequiredService<ContentSynchronizer>();
        await sync.SyncAsync(ct);

        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/dokument/" + Slug);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("Første udgave af teksten.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main[data-circuit]")).ToHaveCountAsync(0);

        await File.WriteAllTextAsync(path, Document("Anden udgave af teksten."), ct);
        await sync.SyncAsync(ct);

        await Assertions.Expect(page.GetByText("Anden udgave af teksten.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static string Document(string text) => $"""
        ---
        titel: Browsertest live opdatering
        type: vejledning
        område: fælles
        tovholder: teamleder-voksen
        revideres: 2099-01-31
        ---

        ## Formål

        {text}
        """;
}
