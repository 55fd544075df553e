using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Portal.Documents;
using Portal.Editing;
using Portal.PostgresTests.Infrastructure;
using Portal.Tests.Infrastructure;

namespace Portal.PostgresTests;

/// <summary>Two real portal processes on one PostgreSQL database behind nginx (deploy/nginx/handicap.conf), on loopback ports.</summary>
public sealed partial class TwoNodeTests
{
    private const string Slug = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    private const int NginxPort = 7340;
    private const int PortA = 7341;
    private const int PortB = 7342;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodesBehindNginx_EditAppearsOnTheOtherNode_LeaseMovesWhenTheHolderDies_SessionContinues()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        using var content = TestContentDirectory.FromFixture();
        await using var a = await PortalProcess.StartAsync("node-a", PortA, connectionString, content.Path);
        await using var b = await PortalProcess.StartAsync("node-b", PortB, connectionString, content.Path);
        await using var nginx = await NginxServer.StartAsync(NginxPort, PortA, PortB);
        Assert.Equal("node-a", await LeaseHolderAsync(connectionString));

        // Sign in through nginx; the cookie is valid on every node (cookies do not depend on the port).
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        await SignInAsync(browser, nginx.Address, "koordinator");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(nginx.Address, "/api/documents"), Ct)).StatusCode);

        // Publish on node A; node B serves the page and finds it in search within 2 s.
        var word = "nginxprøve" + Guid.NewGuid().ToString("N")[..6];
        var document = (await browser.GetFromJsonAsync<EditorDocument>(new Uri(a.Address, "/api/editing/documents/" + Slug), Ct))!;
        await browser.GetStringAsync(new Uri(b.Address, "/api/search?q=afslag"), Ct); // B's index is built before the clock starts
        await browser.GetStringAsync(new Uri(b.Address, "/dokument/" + Slug), Ct); // and its page compiled: the 2 s are propagation, not JIT
        var text = document.Latest.Content.Replace("## Formål\n", $"## Formål\nOrdet {word} er nyt.\n", StringComparison.Ordinal);
        var saved = await browser.PostAsJsonAsync(new Uri(a.Address, "/api/editing/save"), new SaveRequest(Slug, text, document.Stamp, "To noder", Publish: true), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(2), async () =>
            (await browser.GetStringAsync(new Uri(b.Address, "/dokument/" + Slug), Ct)).Contains(word, StringComparison.Ordinal), "Dokumentsiden på node B");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(2), async () =>
            (await browser.GetStringAsync(new Uri(b.Address, "/api/search?q=" + word), Ct)).Contains(Slug, StringComparison.Ordinal), "Søgningen på node B");

        // Node A dies: node B takes the content lease once A's lease expires (3 s here, 20 s by default).
        a.Kill();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () => await LeaseHolderAsync(connectionString) == "node-b", "Indholdslåsen flytter til node B");

        // nginx moves the session to node B; the sign-in cookie is still valid there.
        var page = await browser.GetAsync(new Uri(nginx.Address, "/dokument/" + Slug), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(word, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(nginx.Address, "/api/editing/documents/" + Slug), Ct)).StatusCode);
    }

    private static async Task<string?> LeaseHolderAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT \"Holder\" FROM \"ClusterLeases\" WHERE \"Name\" = 'content'", connection);
        return await command.ExecuteScalarAsync(Ct) as string;
    }

    private static async Task SignInAsync(HttpClient client, Uri site, string user)
    {
        var html = await client.GetStringAsync(new Uri(site, "/konto/log-ind"), Ct);
        var token = Token().Match(html).Groups[1].Value;
        var response = await client.PostAsync(new Uri(site, "/konto/demo"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["bruger"] = user,
            ["returnUrl"] = "/",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
