using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Security;

/// <summary>The portal works under its Content-Security-Policy, and a violation is caught by the fixture.</summary>
public class CspBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task InjectedInlineScript_IsBlockedAndReportedAsViolation()
    {
        var page = await browser.NewPageAsync("sagsbehandler");
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injiceret = 1'; document.body.appendChild(s); }");
        await page.WaitForTimeoutAsync(300);

        Assert.Null(await page.EvaluateAsync<int?>("() => window.injiceret ?? null"));
        var violations = CspViolations.Take(TestContext.Current.Test!.UniqueID);
        Assert.Contains(violations, v => v.Contains("script-src", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task HomePage_WorksUnderCsp(int width)
    {
        var page = await browser.NewPageAsync("koordinator");
        await page.SetViewportSizeAsync(width, 900);
        var response = await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);

        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
