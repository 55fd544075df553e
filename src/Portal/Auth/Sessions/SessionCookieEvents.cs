using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Auth;

/// <summary>Ties the auth cookie to a server-side session: created at sign-in, checked on each request, ended at sign-out.</summary>
internal static class SessionCookieEvents
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = async context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity)
            {
                return;
            }
            var services = context.HttpContext.RequestServices;
            var sessions = services.GetRequiredService<SessionStore>();
            var audit = services.GetRequiredService<SecurityAudit>();
            var profile = UserProfile.From(context.Principal);
            var (id, previousRoles) = await sessions.StartAsync(profile.Id, profile.Roles, context.HttpContext.RequestAborted);
            identity.AddClaim(new Claim(SessionStore.ClaimType, id));
            var auditName = AuditName(profile);
            await audit.WriteAsync(auditName, SecurityAuditActions.SignIn, "portal", string.Join(", ", profile.Roles.Select(Roles.Label)));
            var roles = string.Join(',', profile.Roles.Order(StringComparer.Ordinal));
            if (previousRoles is not null && previousRoles != roles)
            {
                await audit.WriteAsync(auditName, SecurityAuditActions.RoleChanged, "portal", $"Fra {Labels(previousRoles)} til {Labels(roles)}");
            }
        };
        events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            var state = await sessions.ValidateAsync(context.Principal?.FindFirstValue(SessionStore.ClaimType), context.HttpContext.RequestAborted,
                touch: !context.HttpContext.IsPassiveRequest());
            if (state == SessionState.Valid)
            {
                return;
            }
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (state is SessionState.IdleExpired or SessionState.AbsoluteExpired && context.Principal is { } principal)
            {
                var audit = context.HttpContext.RequestServices.GetRequiredService<SecurityAudit>();
                await audit.WriteAsync(AuditName(UserProfile.From(principal)), SecurityAuditActions.SessionExpired, "portal",
                    state == SessionState.IdleExpired ? "Inaktiv for længe" : "Maksimal varighed nået", throttle: true);
            }
        };
        events.OnSigningOut = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            await sessions.EndAsync(context.HttpContext.User.FindFirstValue(SessionStore.ClaimType), context.HttpContext.RequestAborted);
        };
    }

    public static string AuditName(UserProfile user) => user.AuditName;

    private static string Labels(string roles) => string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Roles.Label));
}
