using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Auth;

/// <summary>The sign-in cookie's decryption is kept per value, and no request can change the ticket another gets.</summary>
public class CachedTicketFormatTests
{
    [Fact]
    public void SameValue_IsDecryptedOnce_AndEveryCallerGetsItsOwnCopy()
    {
        var inner = new CountingFormat();
        using var format = new CachedTicketFormat(inner);

        var first = format.Unprotect("cookie-a")!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "administrator"));
        first.Properties.Items["ændret"] = "ja";
        var second = format.Unprotect("cookie-a")!;
        var third = format.Unprotect("cookie-a")!;

        Assert.Equal(1, inner.Calls);
        Assert.NotSame(second.Principal, third.Principal);
        Assert.False(second.Principal.IsInRole("administrator"));
        Assert.False(second.Properties.Items.ContainsKey("ændret"));
        Assert.Equal("Sara", second.Principal.Identity!.Name);
        Assert.Equal("cookie-a", second.Principal.FindFirstValue("value"));
    }

    [Fact]
    public void OtherValueOrPurpose_IsDecryptedAgain_AndARefusedValueIsNeverKept()
    {
        var inner = new CountingFormat();
        using var format = new CachedTicketFormat(inner);

        format.Unprotect("cookie-a");
        format.Unprotect("cookie-b");
        format.Unprotect("cookie-a", "andet formål");
        Assert.Null(format.Unprotect("forfalsket"));
        Assert.Null(format.Unprotect("forfalsket"));

        Assert.Equal(5, inner.Calls);
        Assert.Equal("cookie-b", format.Unprotect("cookie-b")!.Principal.FindFirstValue("value"));
        Assert.Equal(5, inner.Calls);
    }

    [Fact]
    public async Task ThePortalsCookieScheme_UsesIt()
    {
        await using var factory = new PortalFactory();

        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.IsType<CachedTicketFormat>(options.TicketDataFormat);
    }

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Calls { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Calls++;
            if (protectedText == "forfalsket")
            {
                return null;
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "Sara"), new Claim("value", protectedText!)], "Cookies");
            return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties(), "Cookies");
        }
    }
}
