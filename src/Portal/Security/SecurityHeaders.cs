using Microsoft.Net.Http.Headers;

namespace Portal.Security;

/// <summary>The security headers every response gets, and no-store on responses that carry case data.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Works under Blazor Server and MudBlazor: scripts only from the portal (no inline script, no eval), the circuit's
    /// WebSocket is same-origin ('self' covers ws/wss), MudBlazor sets inline style attributes, so style-src needs 'unsafe-inline'.
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> imageHosts) =>
        string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src " + string.Join(' ', new[] { "'self'", "data:" }.Concat(imageHosts.Select(h => "https://" + h))),
            "font-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
            "base-uri 'self'",
            "object-src 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IEnumerable<string> imageHosts)
    {
        var csp = ContentSecurityPolicy(imageHosts);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.Remove(HeaderNames.Server);
                if (IsApiJson(context))
                {
                    // ASVS 14.4.2: a JSON answer opened straight in a browser tab is saved, never rendered.
                    headers.ContentDisposition = "attachment; filename=\"svar.json\"";
                }
                if (context.CarriesCaseData())
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                    headers.Remove(HeaderNames.ETag);
                    headers.Remove(HeaderNames.LastModified);
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static bool IsApiJson(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && context.Response.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
        && !context.Response.Headers.ContainsKey(HeaderNames.ContentDisposition);
}
