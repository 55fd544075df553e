using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData("koordinator", "/konflikter", "Konflikter med filerne")]
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

    /// <summary>Every editing, review, message, roster and audit endpoint in the route table, so a new one cannot slip past the checks above.</summary>
    [Fact]
    public void TheoryData_CoversEveryEndpointInTheRouteTable()
    {
        var covered = CoordinatorEndpoints.Concat(AdministratorEndpoints).Select(row => $"{row.Data.Item1} {Pattern(row.Data.Item2)}").ToHashSet();
        covered.Add("POST /api/feedback"); // the caseworkers' own endpoint, checked below

        var mapped = ProtectedEndpoints().Select(e => $"{e.Method} {e.Pattern}").ToList();

        Assert.True(mapped.Count >= 22, $"Kun {mapped.Count} endepunkter fundet");
        Assert.Empty(mapped.Except(covered));
        Assert.Empty(covered.Except(mapped));
    }

    [Fact]
    public async Task EveryMappedEndpoint_RefusesAnonymous_AndCaseworkersExceptTheirOwn()
    {
        foreach (var (method, pattern) in ProtectedEndpoints())
        {
            var url = Concrete(pattern);
            var anonymous = await SendAsync(_factory.CreateAnonymousClient(), method, url);
            var caseworker = await SendAsync(_factory.CreateClientAs(Roles.Caseworker), method, url);

            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} gav {(int)anonymous.StatusCode} uden login");
            if (pattern == "/api/feedback" && method == "POST")
            {
                Assert.True(caseworker.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} gav {(int)caseworker.StatusCode} for en sagsbehandler");
            }
            else
            {
                Assert.True(caseworker.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} gav {(int)caseworker.StatusCode} for en sagsbehandler");
            }
        }
    }

    [Fact]
    public async Task Feedback_FromCaseworker_IsSaved_AndListedForCoordinators()
    {
        var client = _factory.CreateClientAs(Roles.Caseworker);

        var response = await client.PostAsJsonAsync("/api/feedback", new { slug = Slug, kind = "uklart", text = "Hvornår skal afslaget sendes?" }, TestContext.Current.CancellationToken);
        var cpr = await client.PostAsJsonAsync("/api/feedback", new { slug = Slug, kind = "uklart", text = "Borger 010190-1234" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cpr.StatusCode);
        Assert.Contains("CPR-nummer", await cpr.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var listed = await _factory.CreateClientAs(Roles.Coordinator).GetStringAsync("/api/feedback?owner=koordinator-boern", TestContext.Current.CancellationToken);
        Assert.Contains("Hvornår skal afslaget sendes?", listed);
        Assert.DoesNotContain("010190", listed);
    }

    [Theory]
    [InlineData("/api/editing/save")]
    [InlineData("/api/editing/preview")]
    public async Task TwoMegabytePaste_IsRefusedWithADanishMessage_WithoutHanging(string url)
    {
        var client = _factory.CreateClientAs(Roles.Coordinator);
        var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/editing/documents/" + Slug, TestContext.Current.CancellationToken);
        var text = document.GetProperty("latest").GetProperty("content").GetString() + string.Concat(Enumerable.Repeat("Indsat tekst om afslag og klage. ", 2_000_000 / 33 + 1));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.PostAsJsonAsync(url, new
        {
            slug = Slug,
            text,
            expectedStamp = document.GetProperty("stamp").GetGuid(),
            comment = "Stor indsættelse",
            publish = false,
        }, timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Teksten er for stor", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"Svaret tog {started.Elapsed.TotalSeconds:N1} s");
        var history = await client.GetStringAsync("/api/editing/history/" + Slug, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Stor indsættelse", history);
    }

    [Theory]
    [InlineData("/rediger/" + Slug)]
    [InlineData("/historik/" + Slug)]
    [InlineData("/revision")]
    [InlineData("/tovholdere")]
    public async Task EditPage_Anonymous_IsSentToSignIn(string url)
    {
        var response = await _factory.CreateAnonymousClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind", response.Headers.Location!.PathAndQuery);
    }

    private static readonly string[] s_protectedPrefixes = ["/api/editing", "/api/reviews", "/api/feedback", "/api/roster", "/api/audit"];

    private List<(string Method, string Pattern)> ProtectedEndpoints() =>
        [.. _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => s_protectedPrefixes.Any(p => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct()];

    /// <summary>The route pattern a theory URL is served by.</summary>
    private static string Pattern(string url)
    {
        var path = url.Split('?')[0];
        return path switch
        {
            _ when path.StartsWith("/api/editing/documents/", StringComparison.Ordinal) => "/api/editing/documents/{*slug}",
            _ when path.StartsWith("/api/editing/history/", StringComparison.Ordinal) => "/api/editing/history/{*slug}",
            "/api/editing/conflicts/1/resolve" => "/api/editing/conflicts/{id:int}/resolve",
            "/api/feedback/1/handled" => "/api/feedback/{id:int}/handled",
            _ when path.StartsWith("/api/roster/koordinator-boern/", StringComparison.Ordinal) => "/api/roster/{key}/" + path.Split('/')[^1],
            _ => path,
        };
    }

    private static string Concrete(string pattern) => pattern
        .Replace("{*slug}", Slug).Replace("{id:int}", "1").Replace("{key}", "koordinator-boern")
        + (pattern == "/api/editing/diff" ? "?slug=" + Slug + "&from=1&to=1" : "");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method == "GET"
            ? client.GetAsync(url, TestContext.Current.CancellationToken)
            : client.PostAsJsonAsync(url, new { }, TestContext.Current.CancellationToken);
}
