using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Portal.Auth;

/// <summary>Authenticates scripts and integrations by the X-Api-Key header against the SHA-256 hashes in configuration.</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions,
    SecurityAudit audit,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const int MinimumKeyLength = 16;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = values.ToString();
        var match = presented.Length >= MinimumKeyLength ? Find(authOptions.Value.ApiKeys, presented) : null;
        if (match is null)
        {
            await audit.WriteAsync("ukendt API-nøgle", SecurityAuditActions.ApiKeyRejected, Request.Path, "Ukendt nøgle", throttle: true);
            return AuthenticateResult.Fail("Ugyldig API-nøgle.");
        }
        if (match.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            await audit.WriteAsync("api:" + match.Name, SecurityAuditActions.ApiKeyRejected, Request.Path, "Nøglen er udløbet", throttle: true);
            return AuthenticateResult.Fail("API-nøglen er udløbet.");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.NameIdentifier, "api:" + match.Name), new Claim(ClaimTypes.Role, match.Role)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The configured key whose hash matches; every hash is compared in constant time.</summary>
    public static ApiKeyOptions? Find(IEnumerable<ApiKeyOptions> keys, string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyOptions? found = null;
        foreach (var key in keys)
        {
            if (TryParseHash(key.Hash, out var configured) && CryptographicOperations.FixedTimeEquals(hash, configured))
            {
                // A later entry with the same hash cannot shadow an unexpired one.
                found ??= key;
                if (found.ExpiresAt is not null && key.ExpiresAt is null)
                {
                    found = key;
                }
            }
        }
        return found;
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    internal static bool TryParseHash(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != 64)
        {
            return false;
        }
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.NotSignedInAsync(Context, Request.Headers.ContainsKey(HeaderName) ? "API-nøglen er ukendt eller udløbet." : null);

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await audit.WriteAsync(Context.User.Identity?.Name ?? "ukendt", SecurityAuditActions.AccessDenied, Request.Path, throttle: true);
        await ApiProblems.ForbiddenAsync(Context);
    }
}
