using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Security;

/// <summary>/konto/sessioner as a person uses it: two sign-ins of one user, one ends the other (ASVS 3.3.4).</summary>
public class SessionsBrowserTests(BrowserFixture browser)
{
    // A demo user no other browser test signs in as, so the list holds only this test's sign-ins.
    private const string User = "sagsbehandler-voksen";

    [Fact]
    public async Task SignedInTwice_EndsTheOtherSignIn_WhichMustSignInAgain()
    {
        var laptop = await browser.NewPageWithOwnSignInAsync(User);
        var phone = await browser.NewPageWithOwnSignInAsync(User);

        await phone.GotoAsync("/konto/sessioner");
        var phoneHandle = await phone.Locator("tr[data-handle]", new() { HasText = "Denne browser" }).GetAttributeAsync("data-handle");
        Assert.False(string.IsNullOrEmpty(phoneHandle));

        // The laptop reaches the page from the user name in the top bar, by keyboard-operable links only.
        // Each page settled first (its circuit connected): once in a full run, axe's evaluation was cut off by a
        // navigation still under way ("Execution context was destroyed").
        await laptop.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(laptop);
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Mads Madsen" }).First.ClickAsync();
        await laptop.WaitForURLAsync(url => url.Contains("/konto/sessioner"));
        await BrowserFixture.WaitForInteractiveAsync(laptop);
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dine log-ind");
        await BrowserFixture.AssertAccessibleAsync(laptop);
        var row = laptop.Locator($"tr[data-handle='{phoneHandle}']");
        await Assertions.Expect(row.Locator("td").Last).Not.ToContainTextAsync("Denne browser");

        var end = row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Afslut log-ind fra ") });
        await end.FocusAsync();
        await laptop.Keyboard.PressAsync("Enter");
        await Assertions.Expect(laptop.Locator(".mud-alert")).ToContainTextAsync("Log-indet er afsluttet");
        await Assertions.Expect(laptop.Locator($"tr[data-handle='{phoneHandle}']")).ToHaveCountAsync(0);
        await Assertions.Expect(laptop.Locator("tr[data-handle]", new() { HasText = "Denne browser" })).ToHaveCountAsync(1);

        // The ended sign-in is refused on its next request; the laptop's own sign-in still works.
        await phone.GotoAsync("/bibliotek");
        Assert.Contains("/konto/log-ind", phone.Url);
        await laptop.GotoAsync("/bibliotek");
        Assert.DoesNotContain("/konto/log-ind", laptop.Url);

        await laptop.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
