using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>The portal as it runs in Production: OIDC (never contacted by these tests), a configured host name, https.</summary>
public sealed class ProductionFactory : PortalFactory
{
    public const string Host = "portal.kommune.example";

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Auth:Mode", "Oidc"),
        new("Auth:Oidc:Authority", "https://login.kommune.example/tenant/v2.0"),
        new("Auth:Oidc:ClientId", "handicapportalen"),
        new("Auth:Oidc:ClientSecret", "test-hemmelighed"),
        new("AllowedHosts", Host),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public HttpClient CreateHttpsClient(string? apiKey = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://" + Host) });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(Portal.Auth.ApiKeyHandler.HeaderName, apiKey);
        }
        return client;
    }
}
