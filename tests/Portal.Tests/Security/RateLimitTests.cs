using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Tests.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>Issue 14 finding 4: the API and sign-in are rate limited per key, user or address; 429 says when to retry, in Danish.</summary>
public class RateLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_OverLimit_Is429ForThatKeyOnly_WithRetryAfterAndDanishProblem()
    {
        await using var factory = new LimitedFactory();
        using var abusive = factory.CreateClientAs(Roles.Caseworker);
        using var other = factory.CreateClientAs(Roles.Coordinator);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await abusive.GetAsync("/api/documents", Token)).StatusCode);
        }
        var refused = await abusive.GetAsync("/api/documents", Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("For mange forespørgsler", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/documents", Token)).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditLog.CountAsync(a => a.Action == SecurityAuditActions.RateLimited, Token));
    }

    [Fact]
    public async Task Search_HasStricterLimit()
    {
        await using var factory = new LimitedFactory();
        using var client = factory.CreateClientAs(Roles.Caseworker);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=bil", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=bil", Token)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/search?q=bil", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents", Token)).StatusCode);
    }

    [Fact]
    public async Task SignIn_OverLimit_Is429()
    {
        await using var factory = new LimitedFactory();
        using var client = new BrowserLikeClient(factory);
        var token = await client.TokenFromAsync("/konto/log-ind");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostFormAsync("/konto/demo", new() { ["__RequestVerificationToken"] = token, ["bruger"] = "ingen", ["returnUrl"] = "/" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Health_IsNotLimited()
    {
        await using var factory = new LimitedFactory();
        using var client = factory.CreateAnonymousClient();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Token)).StatusCode);
        }
    }

    private sealed class LimitedFactory : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Security:RateLimits:ApiPerMinute", "5"),
            new("Security:RateLimits:HeavyPerMinute", "2"),
            new("Security:RateLimits:SignInPerMinute", "3"),
        ];
    }
}
