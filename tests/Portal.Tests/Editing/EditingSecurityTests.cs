using System.Net;
using System.Net.Http.Json;
using Portal.Auth;
using Portal.Tests.Infrastructure;
using Portal.Tests.Library;

namespace Portal.Tests.Editing;

/// <summary>Every edit endpoint and page is role-checked on the server.</summary>
public class EditingSecurityTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const string Slug = "arbejdsgange/01-opstart/meddelelse-af-afslag";

    private readonly PortalFactory _factory = fixture.Factory;

    public static TheoryData<string, string> CoordinatorEndpoints => new()
    {
        { "GET", "/api/editing/documents/" + Slug },
        { "POST", "/api/editing/save" },
        { "POST", "/api/editing/restore" },
        { "POST", "/api/editing/create" },
        { "POST", "/api/editing/move" },
        { "POST", "/api/editing/preview" },
        { "GET", "/api/editing/history/" + Slug },
        { "GET", "/api/editing/diff?slug=" + Slug + "&from=1&to=1" },
        { "GET", "/api/editing/conflicts" },
        { "POST", "/api/editing/conflicts/1/resolve" },
        { "GET", "/api/reviews/dashboard" },
        { "POST", "/api/reviews/mark" },
        { "GET", "/api/feedback" },
        { "POST", "/api/feedback/1/handled" },
    };

    public static TheoryData<string, string> AdministratorEndpoints => new()
    {
        { "POST", "/api/reviews/reminders/run" },
        { "GET", "/api/roster" },
        { "POST", "/api/roster" },
        { "POST", "/api/roster/koordinator-boern/retire" },
        { "GET", "/api/roster/koordinator-boern/documents" },
        { "POST", "/api/roster/move" },
        { "GET", "/api/audit" },
    };

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    [MemberData(nameof(AdministratorEndpoints))]
    public async Task EditEndpoint_Caseworker_Gets403(string method, string url)
    {
        var response = await SendAsync(_factory.CreateClientAs(Roles.Caseworker), method, url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    [MemberData(nameof(AdministratorEndpoints))]
    public async Task EditEndpoint_Anonymous_Gets401(string method, string url)
    {
        var response = await SendAsync(_factory.CreateAnonymousClient(), method, url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdministratorEndpoints))]
    public async Task AdministratorEndpoint_Coordinator_Gets403(string method, string url)
    {
        var response = await SendAsync(_factory.CreateClientAs(Roles.Coordinator), method, url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    public async Task CoordinatorEndpoint_Coordinator_IsAllowed(string method, string url)
    {
        var response = await SendAsync(_factory.CreateClientAs(Roles.Coordinator), method, url);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{method} {url} gav {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(AdministratorEndpoints))]
    public async Task AdministratorEndpoint_Administrator_IsAllowed(string method, string url)
    {
        var response = await SendAsync(_factory.CreateClientAs(Roles.Administrator), method, url);

        Assert.True((int)response.StatusCode is >= 200 and < 500 and not 401 and not 403, $"{method} {url} gav {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("sagsbehandler", "/rediger/" + Slug)]
    [InlineData("sagsbehandler", "/ny")]
    [InlineData("sagsbehandler", "/historik/" + Slug)]
    [InlineData("sagsbehandler", "/konflikter")]
    [InlineData("sagsbehandler", "/revision")]
    [InlineData("sagsbehandler", "/tovholdere")]
    [InlineData("sagsbehandler", "/revisionslog")]
    [InlineData("koordinator", "/tovholdere")]
    [InlineData("koordinator", "/revisionslog")]
    public async Task EditPage_WithoutTheRole_IsDenied(string user, string url)
    {
        var client = await _factory.SignInAsync(user);

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/adgang-naegtet", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("koordinator", "/rediger/" + Slug, "Rediger: Meddelelse af afslag")]
    [InlineData("koordinator", "/ny", "Nyt dokument")]
    [InlineData("koordinator", "/historik/" + Slug, "Historik")]
    [InlineData("koordinator", "/konflikter", "Konflikter med content/")]
    [InlineData("koordinator", "/revision", "Revision")]
    [InlineData("sagsbehandler", "/nyt", "Nyt og ændret")]
    [InlineData("administrator", "/tovholdere", "Tovholdere")]
    [InlineData("administrator", "/revisionslog", "Revisionslog")]
    public async Task EditPage_WithTheRole_IsShown(string user, string url, string heading)
    {
        var client = await _factory.SignInAsync(user);

        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);

        Assert.Contains(heading, html);
    }

    [Fact]
    public async Task DocumentPage_ShowsEditActionToCoordinators_NotToCaseworkers()
    {
        var coordinator = await (await _factory.SignInAsync("koordinator")).GetStringAsync("/dokument/" + Slug, TestContext.Current.CancellationToken);
        var caseworker = await (await _factory.SignInAsync("sagsbehandler")).GetStringAsync("/dokument/" + Slug, TestContext.Current.CancellationToken);

        Assert.Contains("/rediger/" + Slug, coordinator);
        Assert.DoesNotContain("/rediger/" + Slug, caseworker);
        Assert.Contains("Giv besked til tovholder", caseworker);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method == "GET"
            ? client.GetAsync(url, TestContext.Current.CancellationToken)
            : client.PostAsJsonAsync(url, new { }, TestContext.Current.CancellationToken);
}
