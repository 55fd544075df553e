using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Portal.Auth;

/// <summary>The Development-only sign-in: pick one of the configured demo users.</summary>
public static class DemoSignIn
{
    public static void MapDemoSignIn(this WebApplication app)
    {
        app.MapPost("/konto/demo", async (HttpContext context, IOptions<AuthOptions> options, IHostEnvironment environment, SecurityAudit audit) =>
        {
            if (!environment.IsDevelopment())
            {
                return Results.NotFound();
            }
            var form = await context.Request.ReadFormAsync();
            var user = options.Value.DemoUsers.FirstOrDefault(u => u.Id == form["bruger"].ToString());
            if (user is null)
            {
                await audit.WriteAsync("ukendt", SecurityAuditActions.SignInFailed, "demo", "Ukendt demobruger", throttle: true);
                return Results.Redirect("/konto/log-ind?fejl=1");
            }
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(CreateIdentity(user)));
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().RequireAntiforgery();
    }

    public static ClaimsIdentity CreateIdentity(DemoUser user) => new(
    [
        new Claim(ClaimTypes.NameIdentifier, UserId(user)),
        new Claim(ClaimTypes.Name, user.Name),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(ProfileClaims.Title, user.Title),
        new Claim(ProfileClaims.Phone, user.Phone),
        new Claim(ProfileClaims.PhoneHours, user.PhoneHours),
        new Claim(ProfileClaims.Unit, user.Unit),
    ], CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);

    /// <summary>The user id a demo user signs in with.</summary>
    public static string UserId(DemoUser user) => "demo:" + user.Id;

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
