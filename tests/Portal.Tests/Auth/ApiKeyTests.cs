using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Auth;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Auth;

/// <summary>Issue 14 finding 4: keys are stored as hashes, can expire, and two are valid at once during rotation.</summary>
public class ApiKeyTests
{
    private const string OldKey = "gammel-noegle-til-rotation-0001";
    private const string NewKey = "ny-noegle-til-rotation-00000001";
    private const string ExpiredKey = "udloebet-noegle-00000000000001";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotation_BothKeysWork_ExpiredKeyIsRefusedAndAudited()
    {
        await using var factory = new RotationFactory();
        using var client = factory.CreateAnonymousClient();

        foreach (var key in new[] { OldKey, NewKey })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents") { Headers = { { ApiKeyHandler.HeaderName, key } } };
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, Token)).StatusCode);
        }
        using var expired = new HttpRequestMessage(HttpMethod.Get, "/api/documents") { Headers = { { ApiKeyHandler.HeaderName, ExpiredKey } } };
        var response = await client.SendAsync(expired, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("udløbet", await response.Content.ReadAsStringAsync(Token));
        await using var scope = factory.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditLog.SingleAsync(a => a.Action == SecurityAuditActions.ApiKeyRejected, Token);
        Assert.Equal("api:integration", entry.User);
        Assert.DoesNotContain(ExpiredKey, entry.User + entry.Target + entry.Details);
    }

    [Fact]
    public void Find_MatchesOnlyTheHash()
    {
        var keys = new[] { new ApiKeyOptions { Name = "a", Hash = ApiKeyHandler.HashOf(OldKey), Role = Roles.Caseworker } };

        Assert.Equal("a", ApiKeyHandler.Find(keys, OldKey)?.Name);
        Assert.Null(ApiKeyHandler.Find(keys, OldKey + "x"));
        Assert.Null(ApiKeyHandler.Find(keys, ApiKeyHandler.HashOf(OldKey)));
    }

    [Fact]
    public void HashOf_IsSha256Hex() =>
        Assert.Equal("13ab6042744469ad40a0e065a7e05ecc4af890022b729714a774e38155d238d4", ApiKeyHandler.HashOf("demo-noegle-kun-til-udvikling"));

    [Fact]
    public void PlainTextKeyInConfiguration_RefusesToStart()
    {
        var options = new AuthOptions { Mode = "Demo", ApiKeys = [new ApiKeyOptions { Name = "script", Key = "klartekst-noegle-0000001", Role = Roles.Caseworker }] };

        var ex = Assert.Throws<InvalidOperationException>(() => AuthExtensions.EnsureSafeConfiguration(options, new HostingEnvironment { EnvironmentName = Environments.Development }));

        Assert.Contains("klartekst", ex.Message);
    }

    [Theory]
    [InlineData("abc", Roles.Caseworker)]
    [InlineData("13ab6042744469ad40a0e065a7e05ecc4af890022b729714a774e38155d238d4", "superbruger")]
    public void InvalidKeyEntry_RefusesToStart(string hash, string role)
    {
        var options = new AuthOptions { Mode = "Demo", ApiKeys = [new ApiKeyOptions { Name = "script", Hash = hash, Role = role }] };

        Assert.Throws<InvalidOperationException>(() => AuthExtensions.EnsureSafeConfiguration(options, new HostingEnvironment { EnvironmentName = Environments.Development }));
    }

    private sealed class RotationFactory : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Auth:ApiKeys:3:Name", "integration"),
            new("Auth:ApiKeys:3:Hash", ApiKeyHandler.HashOf(OldKey)),
            new("Auth:ApiKeys:3:Role", Roles.Caseworker),
            new("Auth:ApiKeys:3:ExpiresAt", DateTimeOffset.UtcNow.AddDays(7).ToString("O")),
            new("Auth:ApiKeys:4:Name", "integration"),
            new("Auth:ApiKeys:4:Hash", ApiKeyHandler.HashOf(NewKey)),
            new("Auth:ApiKeys:4:Role", Roles.Caseworker),
            new("Auth:ApiKeys:5:Name", "integration"),
            new("Auth:ApiKeys:5:Hash", ApiKeyHandler.HashOf(ExpiredKey)),
            new("Auth:ApiKeys:5:Role", Roles.Caseworker),
            new("Auth:ApiKeys:5:ExpiresAt", DateTimeOffset.UtcNow.AddDays(-1).ToString("O")),
        ];
    }
}
