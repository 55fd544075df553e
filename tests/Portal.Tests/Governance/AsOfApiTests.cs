using System.Net;
using System.Text.Json;
using Portal.Auth;
using Portal.Content;
using Portal.Tests.Infrastructure;
using Portal.Tests.Library;

namespace Portal.Tests.Governance;

public class AsOfApiTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const string Slug = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    private readonly PortalFactory _factory = fixture.Factory;

    private static string Today => DateOnly.FromDateTime(DanishClock.ToDanish(DateTimeOffset.UtcNow).DateTime).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Api_AsOfToday_GivesTheCurrentVersionWithBanner()
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync($"/api/documents/{Slug}?asOf={Today}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("isCurrent").GetBoolean());
        Assert.StartsWith("Sådan så arbejdsgangen ud den", json.RootElement.GetProperty("banner").GetString());
        Assert.Equal(Slug, json.RootElement.GetProperty("document").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Api_AsOfBeforeTheFirstVersion_Gets404InDanish()
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync($"/api/documents/{Slug}?asOf=2001-01-01", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("var ikke udgivet i portalen", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Api_AsOfBadDate_Gets400InDanish()
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync($"/api/documents/{Slug}?asOf=1.6.2025", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ÅÅÅÅ-MM-DD", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Api_AsOf_Anonymous_Gets401()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync($"/api/documents/{Slug}?asOf={Today}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_WithDato_ShowsTheBanner_AndThePickerIsOnTheDocumentPage()
    {
        var client = await _factory.SignInAsync("sagsbehandler");

        var asOf = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/dokument/{Slug}?dato={Today}", TestContext.Current.CancellationToken));
        var plain = await client.GetStringAsync($"/dokument/{Slug}", TestContext.Current.CancellationToken);
        var bad = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/dokument/{Slug}?dato=igaar", TestContext.Current.CancellationToken));

        Assert.Contains("Sådan så arbejdsgangen ud den", asOf);
        Assert.Contains("name=\"dato\"", plain);
        Assert.Contains("ÅÅÅÅ-MM-DD", bad);
    }
}
