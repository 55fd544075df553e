using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Library;

public class LibraryApiTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("/api/documents")]
    [InlineData("/api/documents/arbejdsgange/01-opstart/meddelelse-af-afslag")]
    [InlineData("/api/content/errors")]
    public async Task Api_Anonymous_Gets401(string url)
    {
        var response = await _factory.CreateAnonymousClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_WrongKey_Gets401()
    {
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, "forkert-noegle-forkert-noegle");

        var response = await client.GetAsync("/api/documents", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bibliotek")]
    [InlineData("/dokument/arbejdsgange/01-opstart/meddelelse-af-afslag")]
    [InlineData("/indholdsfejl")]
    public async Task Page_Anonymous_RedirectsToSignIn(string url)
    {
        var response = await _factory.CreateAnonymousClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ContentErrors_Caseworker_Gets403()
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync("/api/content/errors", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ContentErrorsPage_Caseworker_IsDenied()
    {
        var client = await _factory.SignInAsync("sagsbehandler");

        var response = await client.GetAsync("/indholdsfejl", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/adgang-naegtet", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ContentErrorsPage_SignedInCoordinator_SeesPage()
    {
        var client = await _factory.SignInAsync("koordinator");

        var html = await client.GetStringAsync("/indholdsfejl", TestContext.Current.CancellationToken);

        Assert.Contains("Indholdsfejl", html);
    }

    [Fact]
    public async Task DemoSignIn_UnknownUser_GoesBackToSignInWithError()
    {
        var client = _factory.CreateAnonymousClient();
        var page = await client.GetStringAsync("/konto/log-ind", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/konto/demo", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["bruger"] = "hacker" }), TestContext.Current.CancellationToken);

        Assert.Equal("/konto/log-ind?fejl=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ContentErrors_Coordinator_GetsList()
    {
        var errors = await _factory.CreateClientAs(Roles.Coordinator).GetFromJsonAsync<JsonElement>("/api/content/errors", TestContext.Current.CancellationToken);

        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
    }

    [Fact]
    public async Task Documents_ListsEveryDocumentWithOwnerAndReviewStatus()
    {
        var docs = await _factory.CreateClientAs(Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/documents", TestContext.Current.CancellationToken);

        Assert.Equal(3, docs.GetArrayLength());
        var afslag = docs.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "arbejdsgange/01-opstart/meddelelse-af-afslag");
        Assert.Equal("Meddelelse af afslag", afslag.GetProperty("title").GetString());
        Assert.Equal("arbejdsgang", afslag.GetProperty("type").GetString());
        Assert.Equal("børn", afslag.GetProperty("area").GetString());
        Assert.Equal("Test Koordinator", afslag.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal("koordinator@test.example", afslag.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal("2099-06-30", afslag.GetProperty("reviewDate").GetString());
        Assert.Equal("gyldig", afslag.GetProperty("reviewStatus").GetString());
        Assert.Equal("Barnets Lov § 86", afslag.GetProperty("legalBasis")[0].GetString());
        Assert.True(afslag.TryGetProperty("updated", out _));
    }

    [Fact]
    public async Task Document_ReturnsRenderedHtml()
    {
        var doc = await _factory.CreateClientAs(Roles.Caseworker)
            .GetFromJsonAsync<JsonElement>("/api/documents/arbejdsgange/01-opstart/meddelelse-af-afslag", TestContext.Current.CancellationToken);

        var html = doc.GetProperty("html").GetString()!;
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://www.retsinformation.dk/eli/lta/2023/721#P86\"", html);
        Assert.Contains("href=\"/dokument/arbejdsgange/01-opstart/tjekliste-moede\"", html);
    }

    [Fact]
    public async Task Document_UnknownSlug_Gets404ProblemJson()
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync("/api/documents/findes/ikke", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Dokumentet findes ikke", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DocumentPage_SignedIn_ShowsOwnerAndReviewDate()
    {
        var html = await _factory.CreateClientAs(Roles.Caseworker).GetStringAsync("/dokument/arbejdsgange/01-opstart/meddelelse-af-afslag", TestContext.Current.CancellationToken);

        Assert.Contains("Test Koordinator", html);
        Assert.Contains("30. juni 2099", html);
        Assert.Contains("<main", html);
    }
}

/// <summary>One portal per test class; it shares a temp database and a copy of the fixture content.</summary>
public sealed class PortalFactoryFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
