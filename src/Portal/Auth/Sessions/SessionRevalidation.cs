using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Portal.Auth;

/// <summary>
/// An open circuit checks its session every minute: after sign-out elsewhere or past the absolute lifetime, the circuit
/// loses its user. Idle time is not applied here: typing in a circuit sends no requests the server could count.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, SessionStore sessions) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true || user.Identity.AuthenticationType == ApiKeyHandler.SchemeName)
        {
            return true;
        }
        return await sessions.IsAliveAsync(user.FindFirstValue(SessionStore.ClaimType), cancellationToken);
    }
}
