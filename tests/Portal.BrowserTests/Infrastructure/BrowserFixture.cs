using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Portal.BrowserTests.Infrastructure.BrowserFixture))]

namespace Portal.BrowserTests.Infrastructure;

/// <summary>One server and one Chromium for the whole run; each test gets a fresh, signed-in context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<string, string> _signedInState = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);
    private IPlaywright? _playwright;

    public BrowserServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Never skip silently: the test script installs Debian's chromium; without it the browser tests fail loudly.
            throw new InvalidOperationException($"Chromium findes ikke på {ChromiumPath}. Kør scripts/test.sh, som installerer Debians chromium-pakke.");
        }
        Server = new BrowserServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new page in its own context, signed in as the given demo user (sagsbehandler, koordinator, administrator).</summary>
    public async Task<IPage> NewPageAsync(string demoUser = "sagsbehandler", bool acceptDownloads = false)
    {
        var state = await SignedInStateAsync(demoUser);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            StorageState = state,
            AcceptDownloads = acceptDownloads,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        await CspViolations.WatchAsync(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page with a sign-in of its own through the sign-in form, never shared with other tests: for tests that end or
    /// inspect a particular sign-in (the cached sign-ins of <see cref="NewPageAsync"/> are shared by every test).
    /// </summary>
    public async Task<IPage> NewPageWithOwnSignInAsync(string demoUser)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.Locator($"button[name='bruger'][value='{demoUser}']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/konto/log-ind"));
        return page;
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach interactive components.</summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        // Prerendered HTML looks finished before the circuit is connected: the layout marks <main> "live" only
        // when it renders inside the circuit, so clicks and keys after this reach an interactive page. A static reading page
        // has no such marker; its interactive islands (quick search, document actions) mark themselves "live" instead.
        await page.WaitForFunctionAsync(
            "() => window.Blazor && window.Blazor._internal !== undefined && (document.querySelector('main[data-circuit]') === null ? document.querySelector('.mud-layout') !== null : document.querySelector('main[data-circuit=live]') !== null) && document.querySelector('[data-island=prerendered]') === null",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(100);
    }

    /// <summary>Opens a page as a demo user, waits for the circuit, and applies <see cref="AssertAccessibleAsync"/>.</summary>
    public async Task AssertPageAccessibleAsync(string demoUser, string url)
    {
        var page = await NewPageAsync(demoUser);
        await page.GotoAsync(url);
        await WaitForInteractiveAsync(page);
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>The page check every page gets: no serious or critical axe violation, exactly one h1, no CSP violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var csp = CspViolations.ForCurrentTest();
        Assert.True(csp.Count == 0, "Content-Security-Policy brudt:\n" + string.Join('\n', csp));
        var violations = await SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    /// <summary>Runs axe (WCAG 2.1 A/AA) and returns the serious and critical violations as readable lines.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
        var result = await page.RunAxe(options);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")
            .ToList();
    }

    private async Task<string> SignedInStateAsync(string demoUser)
    {
        await _signInGate.WaitAsync();
        try
        {
            if (_signedInState.TryGetValue(demoUser, out var cached))
            {
                return cached;
            }
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl });
            await CspViolations.WatchAsync(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/konto/log-ind");
            await page.Locator($"button[name='bruger'][value='{demoUser}']").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/konto/log-ind"));
            var state = await context.StorageStateAsync();
            await context.CloseAsync();
            _signedInState[demoUser] = state;
            return state;
        }
        finally
        {
            _signInGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
