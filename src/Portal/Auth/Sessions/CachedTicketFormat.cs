using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Portal.Auth;

/// <summary>
/// Decrypting the sign-in cookie (Data Protection: a key derivation, AES and an HMAC) is the largest cost of a reading page
/// served from the shared page cache. One cookie value always decrypts to the same ticket, so the result is kept for a
/// minute, keyed by a hash of the value. Nothing else changes: the handler still checks the ticket's expiry, the session
/// check (<see cref="SessionCookieEvents"/>) still runs on every request, and each request gets its own copy of the
/// principal and properties, so no request can change another's.
/// </summary>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((purpose ?? "") + "\n" + protectedText)));
        if (_tickets.TryGetValue(key, out AuthenticationTicket? known) && known is not null)
        {
            return Copy(known);
        }
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, Copy(ticket), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = s_lifetime });
        }
        return ticket;
    }

    // ClaimsPrincipal.Clone shares its identities: each identity is cloned, so a claim added by one request stays there.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    public void Dispose() => _tickets.Dispose();
}

/// <summary>Wraps the cookie scheme's ticket format once the framework has made it (post-configure runs after its own).</summary>
internal sealed class CachedTicketFormatSetup : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == CookieAuthenticationDefaults.AuthenticationScheme && options.TicketDataFormat is not CachedTicketFormat and not null)
        {
            options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat);
        }
    }
}
