using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Portal.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>Issue 14 finding 10: Production runs as Production, refuses forged hosts, and answers 401/403 in Danish problem+json.</summary>
public class ProductionConfigurationTests(ProductionFixture fixture) : IClassFixture<ProductionFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForgedHostHeader_IsRefused()
    {
        using var client = fixture.Factory.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredHost_IsServed_WithHsts()
    {
        using var client = fixture.Factory.CreateHttpsClient();

        var response = await client.GetAsync("/health/live", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData(null, "/api/documents", HttpStatusCode.Unauthorized, "Ikke logget ind")]
    [InlineData("forkert-noegle-med-mange-tegn", "/api/documents", HttpStatusCode.Unauthorized, "Ikke logget ind")]
    [InlineData(PortalFactory.CaseworkerKey, "/api/audit", HttpStatusCode.Forbidden, "Ingen adgang")]
    [InlineData(PortalFactory.CaseworkerKey, "/api/content/errors", HttpStatusCode.Forbidden, "Ingen adgang")]
    public async Task ApiRefusal_IsDanishProblemJson(string? key, string url, HttpStatusCode status, string title)
    {
        using var client = fixture.Factory.CreateHttpsClient(key);

        var response = await client.GetAsync(url, Token);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task MissingDocument_Api_Is404ProblemJson()
    {
        using var client = fixture.Factory.CreateHttpsClient(PortalFactory.CaseworkerKey);

        var response = await client.GetAsync("/api/documents/findes/ikke", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader() =>
        Assert.False(fixture.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("portal.kommune.example;*")]
    public void Production_WithoutAllowedHosts_RefusesToStart(string? allowedHosts)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            SecurityExtensions.EnsureAllowedHosts(allowedHosts, new HostingEnvironment { EnvironmentName = Environments.Production }));

        Assert.Contains("AllowedHosts skal angive", ex.Message);
    }

    [Fact]
    public void SignInCookie_InProduction_IsAHostPrefixedSecureCookie()
    {
        var cookie = fixture.Factory.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme).Cookie;

        Assert.Equal("__Host-handicapportalen", cookie.Name);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.Null(cookie.Domain);
        Assert.True(cookie.Path is null or "/");
    }

    [Fact]
    public void Development_AllowsAnyHost() =>
        SecurityExtensions.EnsureAllowedHosts("*", new HostingEnvironment { EnvironmentName = Environments.Development });

    [Fact]
    public void LaunchProfile_DoesNotOverrideTheCallersEnvironment()
    {
        var launchSettings = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Portal", "Properties", "launchSettings.json"));

        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", launchSettings);
        Assert.DoesNotContain("DOTNET_ENVIRONMENT", launchSettings);
        Assert.Contains(LaunchEnvironment.Variable, launchSettings);
    }

    [Theory]
    [InlineData("Production", "Development", null)]
    [InlineData(null, "Development", "Development")]
    [InlineData(null, null, null)]
    public void LaunchEnvironment_CallersVariableWins(string? aspnetcore, string? launchDefault, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = aspnetcore, [LaunchEnvironment.Variable] = launchDefault };

        var options = LaunchEnvironment.Options([], name => variables.GetValueOrDefault(name));

        Assert.Equal(expected, options.EnvironmentName);
    }
}

public sealed class ProductionFixture : IAsyncDisposable
{
    public ProductionFactory Factory { get; } = new();

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
