using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Portal.Performance;
using Portal.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Performance;

/// <summary>Reading pages: static (no circuit), revalidated by ETag, compressed; sign-in still required.</summary>
public class ReadingPageTests(ReadingPageTests.Fixture fixture) : IClassFixture<ReadingPageTests.Fixture>
{
    private const string Document = "/dokument/arbejdsgange/01-opstart/meddelelse-af-afslag";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryReadingPage_IsExcludedFromInteractiveRouting_AndCarriesNoCaseData()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttribute<ReadingPageAttribute>() is not null).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page =>
        {
            Assert.NotNull(page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>());
            Assert.Null(page.GetCustomAttribute<CaseDataAttribute>());
        });
    }

    [Theory]
    [InlineData(Document)]
    [InlineData("/bibliotek")]
    [InlineData("/tilbud-folder?omraade=voksen")]
    public async Task ReadingPage_IsStatic_PrivateNoCache_AndA304WhenUnchanged(string url)
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var first = await client.GetAsync(url, Token);
        var html = await first.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, first.Headers.CacheControl?.ToString());
        Assert.NotNull(first.Headers.ETag);
        Assert.DoesNotContain("data-circuit=", html);
        Assert.Contains("--mud-palette-primary: rgba(31,78,121,1)", html);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again, Token);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/tilbud-folder?omraade=voksen", "Tilbud, der ikke kræver visitation – voksne")]
    [InlineData("/sagsforloeb?omraade=voksen", "Sagsforløbet for borgere")] // the fixture has no sagsforloeb.yml: the error text
    public async Task FolderAndJourney_RenderStatically(string url, string heading)
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var html = await client.GetStringAsync(url, Token);

        Assert.Contains(heading, System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("data-circuit=", html);
    }

    [Fact]
    public async Task OfferFolder_ChoosesTheAreaWithAGetForm_AndPrintsWithoutACircuit()
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var html = await client.GetStringAsync("/tilbud-folder?omraade=voksen", Token);

        Assert.Contains("<form method=\"get\" action=\"/tilbud-folder\"", html);
        Assert.Matches("<option value=\"voksen\" selected", html);
        Assert.Contains("data-print", html);
    }

    [Fact]
    public async Task ReadingPage_ForAnotherUser_HasAnotherETag()
    {
        using var caseworker = await fixture.Factory.SignInAsync("sagsbehandler");
        using var coordinator = await fixture.Factory.SignInAsync("koordinator");

        var a = await caseworker.GetAsync(Document, Token);
        var b = await coordinator.GetAsync(Document, Token);

        Assert.NotEqual(a.Headers.ETag!.Tag, b.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ReadingPage_SignedOut_StillRedirectsToSignIn()
    {
        using var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync(Document, Token);
        var live = await client.GetAsync(LiveVersion.DocumentRoute + "arbejdsgange/01-opstart/meddelelse-af-afslag", Token);

        Assert.Contains("/konto/log-ind", page.Headers.Location?.ToString() ?? await page.Content.ReadAsStringAsync(Token));
        Assert.NotEqual(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task LiveVersion_IsTheVersionThePageWasRenderedWith()
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var html = await client.GetStringAsync(Document, Token);
        var version = await client.GetStringAsync(LiveVersion.DocumentRoute + "arbejdsgange/01-opstart/meddelelse-af-afslag", Token);

        Assert.Contains($"data-live-version=\"{version}\"", html);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PagesAndApi_AreCompressed_WhenTheClientAsks(string encoding)
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");
        foreach (var url in new[] { Document, "/api/documents", "/api/search?q=afslag" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

            var response = await client.SendAsync(request, Token);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    [Fact]
    public async Task Library_OneFolder_ListsOnlyItsDocuments_AndAnUnknownFolderShowsTheWholeLibrary()
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var folder = await client.GetStringAsync("/bibliotek?mappe=arbejdsgange/01-opstart&type=arbejdsgang", Token);
        var unknown = await client.GetStringAsync("/bibliotek?mappe=../../etc", Token);

        Assert.Contains("/dokument/arbejdsgange/01-opstart/meddelelse-af-afslag", folder);
        Assert.DoesNotContain("/dokument/arbejdsgange/02-tilbud/ventilen", folder);
        Assert.DoesNotContain("tjekliste-moede", folder); // the type filter holds in the folder
        Assert.Contains("name=\"mappe\" value=\"arbejdsgange/01-opstart\"", folder); // the filters keep the folder
        Assert.Contains("href=\"/bibliotek?type=arbejdsgang\"", folder); // back to the whole library, same filter
        Assert.Contains("/dokument/arbejdsgange/02-tilbud/ventilen", unknown);
        Assert.DoesNotContain("name=\"mappe\"", unknown);
    }

    public sealed class Fixture : IAsyncDisposable
    {
        public PortalFactory Factory { get; } = new();

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }
}
