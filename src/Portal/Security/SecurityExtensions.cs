namespace Portal.Security;

/// <summary>Security headers, HSTS and https in Production, host filtering, rate limits and health endpoints.</summary>
public static class SecurityExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        EnsureAllowedHosts(builder.Configuration["AllowedHosts"], builder.Environment);
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(options.HstsDays);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddPortalRateLimits(builder.Configuration.GetSection(RateLimits.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());
        return builder;
    }

    /// <summary>After authentication, so limits apply per API key and user.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Goes first in the pipeline, so every response (also errors and 429) gets the headers.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        // The sanitiser and the CSP allow the same image hosts.
        app.UseSecurityHeaders(app.Configuration.GetSection("Content:AllowedImageHosts").Get<string[]>() ?? []);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (options.HttpsRedirection)
            {
                app.UseHttpsRedirection();
            }
        }
        return app;
    }

    /// <summary>Outside Development the host names must be listed, so a forged Host header is refused (400).</summary>
    internal static void EnsureAllowedHosts(string? allowedHosts, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }
        var hosts = (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            throw new InvalidOperationException(
                $"Handicapportalen kan ikke starte i miljøet '{environment.EnvironmentName}': AllowedHosts skal angive portalens værtsnavn(e) adskilt af semikolon (fx AllowedHosts=handicapportal.kommune.dk), ikke '*'.");
        }
    }
}
