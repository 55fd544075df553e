using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Tests.Library;

namespace Portal.Tests.Transition;

/// <summary>The new pages in the real host: sign-in is required, and the shipped Transition and Checklists settings pass start-up validation.</summary>
public class TransitionPagesTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("/overgang")]
    [InlineData("/overgang/liste")]
    [InlineData("/skift-af-sagsbehandler")]
    [InlineData("/sagsforloeb")]
    [InlineData("/tjekliste")]
    [InlineData("/tjekliste/arbejdsgange/01-opstart/tjekliste-moede")]
    public async Task Page_Anonymous_RedirectsToSignIn(string url)
    {
        var response = await _factory.CreateAnonymousClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/overgang", "Den Gode Overgang: datoer for den unge")]
    [InlineData("/overgang/liste", "Den Gode Overgang: hvem når en milepæl?")]
    [InlineData("/skift-af-sagsbehandler", "Skift af sagsbehandler")]
    [InlineData("/tjekliste/arbejdsgange/01-opstart/tjekliste-moede", "Tjekliste til første møde")]
    public async Task Page_SignedInCaseworker_SeesThePageAndTheMenuEntries(string url, string heading)
    {
        var client = await _factory.SignInAsync("sagsbehandler");

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(url, TestContext.Current.CancellationToken));

        Assert.Contains(heading, html);
        Assert.Contains("href=\"/overgang\"", html);
        Assert.Contains("href=\"/skift-af-sagsbehandler\"", html);
        Assert.Contains("href=\"/sagsforloeb\"", html);
        Assert.Contains("href=\"/tjekliste\"", html);
    }

    [Fact]
    public async Task FixtureWithoutTheYamlFiles_ShowsADanishErrorNotA500()
    {
        var client = await _factory.SignInAsync("sagsbehandler");

        var response = await client.GetAsync("/sagsforloeb", TestContext.Current.CancellationToken);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen sagsforloeb.yml findes ikke i indholdsmappen.", html);
    }
}
