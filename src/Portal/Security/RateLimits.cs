using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Auth;

namespace Portal.Security;

/// <summary>Security:RateLimits: requests per minute per API key or user (per client address before sign-in).</summary>
public sealed class RateLimitOptions
{
    public int ApiPerMinute { get; set; } = 300;

    /// <summary>Letter rendering and search: the expensive calls.</summary>
    public int HeavyPerMinute { get; set; } = 60;

    /// <summary>Sign-in posts per client address (a whole office may share one address behind NAT).</summary>
    public int SignInPerMinute { get; set; } = 20;
}

/// <summary>
/// One limiter for the whole app, chosen by path, so features need not know about it: the API per key or user,
/// render and search stricter, sign-in per address. A rejected request gets 429, Retry-After and Danish problem+json.
/// </summary>
public static class RateLimits
{
    public const string Section = "Security:RateLimits";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, Bucket(context) is "api" or "heavy" ? "api" : null, options.ApiPerMinute)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, Bucket(context) is "heavy" ? "heavy" : null, options.HeavyPerMinute)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, Bucket(context) is "sign-in" ? "sign-in" : null, options.SignInPerMinute)));
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    internal static string? Bucket(HttpContext context)
    {
        var path = context.Request.Path;
        if (HttpMethods.IsPost(context.Request.Method) && (path.StartsWithSegments("/konto/demo") || path.StartsWithSegments("/signin-oidc")))
        {
            return "sign-in";
        }
        if (!path.StartsWithSegments("/api"))
        {
            return null;
        }
        if (path.StartsWithSegments("/api/search") || (path.StartsWithSegments("/api/templates") && HttpMethods.IsPost(context.Request.Method)))
        {
            return "heavy";
        }
        return "api";
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string? bucket, int perMinute)
    {
        if (bucket is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        return RateLimitPartition.GetFixedWindowLimiter(bucket + "|" + ClientKey(context, bucket), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The API key or user when authenticated (the limiter runs after authentication), else the client address.</summary>
    internal static string ClientKey(HttpContext context, string bucket) =>
        bucket != "sign-in" && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? "user:" + id
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "ukendt");

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var bucket = Bucket(context) ?? "api";
        var user = bucket == "sign-in" ? "ukendt" : UserProfile.From(context.User) is { Id.Length: > 0 } profile ? $"{profile.Name} ({profile.Id})" : "ukendt";
        await context.RequestServices.GetRequiredService<SecurityAudit>().WriteAsync(user, SecurityAuditActions.RateLimited, context.Request.Path, $"Grænse: {bucket}", throttle: true);
        await ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "For mange forespørgsler",
            $"Du har sendt for mange forespørgsler på kort tid. Vent {seconds} sekunder, og prøv igen.");
    }
}
