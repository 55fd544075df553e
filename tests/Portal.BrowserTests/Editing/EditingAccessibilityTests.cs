using Portal.BrowserTests.Infrastructure;

namespace Portal.BrowserTests.Editing;

/// <summary>
/// axe on every editing and review page as it first opens. The states reached by acting (the history with a diff,
/// the refused save with both versions, the feedback form, the dashboard after a review) are checked in the flow tests.
/// </summary>
public class EditingAccessibilityTests(BrowserFixture browser)
{
    private const string Shipped = "arbejdsgange/03-afgoerelse/meddelelse-af-afslag-boern";

    [Theory]
    [InlineData("koordinator", "/rediger/" + Shipped)]
    [InlineData("koordinator", "/historik/" + Shipped)]
    [InlineData("koordinator", "/rediger/findes/ikke")]
    [InlineData("koordinator", "/ny")]
    [InlineData("koordinator", "/konflikter")]
    [InlineData("koordinator", "/nyt")]
    [InlineData("sagsbehandler", "/nyt")]
    [InlineData("koordinator", "/revision")]
    [InlineData("koordinator", "/revision?status=overskredet")]
    [InlineData("administrator", "/tovholdere")]
    [InlineData("administrator", "/revisionslog")]
    public async Task EditingPage_HasNoSeriousAccessibilityViolations(string user, string url)
    {
        await browser.AssertPageAccessibleAsync(user, url);
    }
}
