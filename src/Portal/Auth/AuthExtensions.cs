using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace Portal.Auth;

public static class AuthExtensions
{
    private const string SelectorScheme = "Portal";

    public static WebApplicationBuilder AddPortalAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        EnsureSafeConfiguration(options, builder.Environment);
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);

        var auth = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
        });
        auth.AddPolicyScheme(SelectorScheme, "Cookie, OIDC eller API-nøgle", o => o.ForwardDefaultSelector = context =>
        {
            if (context.Request.Headers.ContainsKey(ApiKeyHandler.HeaderName))
            {
                return ApiKeyHandler.SchemeName;
            }
            return options.IsDemo || IsApi(context.Request) ? CookieAuthenticationDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme;
        });
        auth.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            // __Host- (ASVS 3.4.4): the browser refuses it unless Secure, path / and no Domain, so no sibling host can
            // set or overwrite it. Development runs on plain http, where a Secure cookie would not be sent back.
            o.Cookie.Name = builder.Environment.IsDevelopment() ? "handicapportalen" : "__Host-handicapportalen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/konto/log-ind";
            o.AccessDeniedPath = "/konto/adgang-naegtet";
            // The cookie lives for the idle timeout and slides; the server-side session enforces idle and absolute limits.
            o.ExpireTimeSpan = options.Sessions.Idle;
            o.SlidingExpiration = true;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            SessionCookieEvents.Attach(o.Events);
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                await context.HttpContext.RequestServices.GetRequiredService<SecurityAudit>().WriteAsync(
                    SessionCookieEvents.AuditName(UserProfile.From(context.HttpContext.User)), SecurityAuditActions.AccessDenied, context.Request.Path, throttle: true);
                await ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            };
        });
        // Registered after AddCookie, so it runs after the framework's own post-configure has made the ticket format.
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, CachedTicketFormatSetup>();
        auth.AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        if (!options.IsDemo)
        {
            auth.AddOpenIdConnect(o =>
            {
                o.Authority = options.Oidc.Authority;
                o.ClientId = options.Oidc.ClientId;
                o.ClientSecret = options.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = options.Oidc.RoleClaim;
                o.Scope.Add("email");
                o.Events.OnRemoteFailure = async context =>
                {
                    await context.HttpContext.RequestServices.GetRequiredService<SecurityAudit>().WriteAsync(
                        "ukendt", SecurityAuditActions.SignInFailed, "oidc", "Login hos identitetsudbyderen mislykkedes", throttle: true);
                };
                o.Events.OnTokenValidated = context =>
                {
                    // Copy the configured role claim to the standard role claim the policies read.
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        foreach (var role in identity.FindAll(options.Oidc.RoleClaim).ToList())
                        {
                            identity.AddClaim(new Claim(ClaimTypes.Role, role.Value));
                        }
                    }
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Caseworker, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator, Roles.Administrator))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Approver, p => p.RequireRole(Roles.Coordinator, Roles.Administrator, Roles.Jurist))
            // Every endpoint requires a signed-in user with a portal role unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<SecurityAudit>();
        return builder;
    }

    public static WebApplication MapPortalAuth(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        if (options.IsDemo)
        {
            app.MapDemoSignIn();
        }
        app.MapPost("/konto/log-ud", async (HttpContext context, SecurityAudit audit) =>
        {
            var user = UserProfile.From(context.User);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await audit.WriteAsync(SessionCookieEvents.AuditName(user), SecurityAuditActions.SignOut, "portal");
            return Results.Redirect(options.IsDemo ? "/konto/log-ind" : "/");
        }).RequireAuthorization(Policies.Caseworker).RequireAntiforgery();
        // The form is read in the handler, after the antiforgery filter: bound as a parameter, it was read before the
        // filter ran, and the generated binder turns a refused token into a 500 instead of a 400.
        app.MapPost("/konto/sessioner/afslut", async (HttpContext context, SessionStore sessions, SecurityAudit audit) =>
        {
            var session = (await context.Request.ReadFormAsync(context.RequestAborted))["session"].ToString();
            var user = UserProfile.From(context.User);
            var ended = await sessions.EndByHandleAsync(user.Id, session, context.RequestAborted);
            if (ended)
            {
                await audit.WriteAsync(SessionCookieEvents.AuditName(user), SecurityAuditActions.SessionEnded, "portal");
            }
            return Results.Redirect(ended ? "/konto/sessioner?afsluttet=1" : "/konto/sessioner?ukendt=1");
        }).RequireAuthorization(Policies.Caseworker).RequireAntiforgery();
        return app;
    }

    /// <summary>Demo sign-in must never run in Production, and Production must have OIDC.</summary>
    internal static void EnsureSafeConfiguration(AuthOptions options, IHostEnvironment environment)
    {
        if (options.IsDemo && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Demo-login (Auth:Mode=Demo) kan kun bruges i Development, men miljøet er '{environment.EnvironmentName}'. Konfigurér OpenID Connect (Auth:Mode=Oidc, Auth:Oidc:Authority, ClientId og ClientSecret).");
        }
        if (!options.IsDemo && !options.Oidc.IsConfigured)
        {
            throw new InvalidOperationException(
                "Handicapportalen kan ikke starte: OpenID Connect er ikke konfigureret. Angiv Auth:Oidc:Authority, Auth:Oidc:ClientId og Auth:Oidc:ClientSecret (fx fra Entra ID), eller kør i Development med Auth:Mode=Demo.");
        }
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (!string.IsNullOrEmpty(key.Key))
            {
                throw new InvalidOperationException(
                    $"Auth:ApiKeys:{i} ('{key.Name}') står med nøglen i klartekst (Key). Gem i stedet nøglens SHA-256 i Hash; README viser kommandoen.");
            }
            if (!ApiKeyHandler.TryParseHash(key.Hash, out _) || string.IsNullOrWhiteSpace(key.Name) || !Roles.All.Contains(key.Role))
            {
                throw new InvalidOperationException(
                    $"Auth:ApiKeys:{i} ('{key.Name}') er ugyldig: Name skal udfyldes, Hash skal være 64 hex-cifre (SHA-256), og Role skal være {string.Join(", ", Roles.All)}.");
            }
        }
        if (options.Sessions.IdleMinutes < 1 || options.Sessions.AbsoluteHours < 1 || options.Sessions.Idle > options.Sessions.Absolute)
        {
            throw new InvalidOperationException("Auth:Sessions er ugyldig: IdleMinutes og AbsoluteHours skal være mindst 1, og inaktivitetsgrænsen må ikke være længere end den maksimale varighed.");
        }
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request) || context.Request.Headers.ContainsKey(ApiKeyHandler.HeaderName))
        {
            return status == StatusCodes.Status403Forbidden ? ApiProblems.ForbiddenAsync(context.HttpContext) : ApiProblems.NotSignedInAsync(context.HttpContext);
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
