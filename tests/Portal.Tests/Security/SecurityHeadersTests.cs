using System.Net;
using System.Net.Http.Json;
using Portal.Auth;
using Portal.Tests.Infrastructure;
using Portal.Tests.Letters;

namespace Portal.Tests.Security;

/// <summary>Issue 14 finding 2: security headers on every response, no-store on responses that carry case data.</summary>
public class SecurityHeadersTests(SecurityHeadersTests.Fixture fixture) : IClassFixture<SecurityHeadersTests.Fixture>
{
    private const string Receipt = "skabeloner/breve/kvittering-test";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/konto/log-ind")]
    [InlineData("/api/documents")]
    [InlineData("/findes-ikke")]
    [InlineData("/health/live")]
    public async Task EveryResponse_HasSecurityHeaders(string url)
    {
        using var client = fixture.Factory.CreateClientAs(Roles.Caseworker);

        var response = await client.GetAsync(url, Token);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
            "form-action 'self'", "frame-ancestors 'self'", "base-uri 'self'", "object-src 'none'" })
        {
            Assert.Contains(directive, csp);
        }
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/api/documents", true)]
    [InlineData("/api/documents/findes/ikke", true)] // problem+json
    [InlineData("/konto/log-ind", false)]
    public async Task ApiJson_IsAnAttachment_PagesAreNot(string url, bool attachment)
    {
        using var client = fixture.Factory.CreateClientAs(Roles.Caseworker);

        var response = await client.GetAsync(url, Token);

        Assert.Equal(attachment, response.Content.Headers.ContentDisposition?.DispositionType == "attachment");
    }

    [Fact]
    public async Task DocxDownload_KeepsItsOwnFileName()
    {
        using var client = fixture.Factory.CreateClientAs(Roles.Caseworker);

        var response = await client.PostAsJsonAsync($"/api/templates/{Receipt}/render?format=docx", new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" }, Token);

        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=docx")]
    public async Task LetterRender_IsNeverStored(string query)
    {
        using var client = fixture.Factory.CreateClientAs(Roles.Caseworker);

        var response = await client.PostAsJsonAsync($"/api/templates/{Receipt}/render{query}", new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/breve/ny/" + Receipt)]
    [InlineData("/overgang")]
    [InlineData("/skift-af-sagsbehandler")]
    public async Task PagesWithCaseData_AreNeverStored(string url)
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var response = await client.GetAsync(url, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task MissingDocumentPage_Is404_AndStillExplains()
    {
        using var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var response = await client.GetAsync("/dokument/findes/ikke", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("findes ikke</h1>", html[html.IndexOf("<body", StringComparison.Ordinal)..]);
    }

    public sealed class Fixture : IAsyncDisposable
    {
        public PortalFactory Factory { get; } = new(LetterKit.FixtureContent());

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }
}
