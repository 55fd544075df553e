using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Auth;

namespace Portal.Tests.Auth;

public class StartupSafetyTests
{
    private static HostingEnvironment Env(string name) => new() { EnvironmentName = name };

    [Fact]
    public void Production_WithoutOidc_RefusesToStartWithDanishMessage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AuthExtensions.EnsureSafeConfiguration(new AuthOptions { Mode = "Oidc" }, Env(Environments.Production)));

        Assert.Contains("OpenID Connect er ikke konfigureret", ex.Message);
    }

    [Fact]
    public void Production_WithDemoSignIn_RefusesToStart()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AuthExtensions.EnsureSafeConfiguration(new AuthOptions { Mode = "Demo" }, Env(Environments.Production)));

        Assert.Contains("kun bruges i Development", ex.Message);
    }

    [Fact]
    public void Production_WithOidc_Starts()
    {
        var options = new AuthOptions { Mode = "Oidc", Oidc = new OidcOptions { Authority = "https://login.example/tenant/v2.0", ClientId = "portal", ClientSecret = "hemmelig" } };

        AuthExtensions.EnsureSafeConfiguration(options, Env(Environments.Production));
    }

    [Fact]
    public void Development_WithDemo_Starts() =>
        AuthExtensions.EnsureSafeConfiguration(new AuthOptions { Mode = "Demo" }, Env(Environments.Development));
}
