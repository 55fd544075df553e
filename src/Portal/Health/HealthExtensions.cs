using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Health;

/// <summary>Tags a health check with the probe it belongs to.</summary>
public static class HealthTags
{
    /// <summary>Checks the readiness probe runs. A feature adds its own: <c>builder.Services.AddHealthChecks().AddCheck&lt;T&gt;("navn", tags: [HealthTags.Ready])</c>.</summary>
    public const string Ready = "ready";
}

/// <summary>/health/live (the process answers) and /health/ready (every ready check), anonymous, status words only.</summary>
public static class HealthExtensions
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<ContentHealthCheck>("indhold", tags: [HealthTags.Ready])
            .AddCheck<MailHealthCheck>("mail", tags: [HealthTags.Ready]);
        builder.Services.AddSingleton<StartupWarmUp>();
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteAsync,
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK, [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous().DisableRateLimiting();
        var warmUp = app.Services.GetRequiredService<StartupWarmUp>();
        app.Lifetime.ApplicationStarted.Register(() => _ = warmUp.RunAsync(app.Lifetime.ApplicationStopping));
        return app;
    }

    // Names and status words only, plus the snapshot's age in seconds: no exception text, host names or paths.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var age = report.Entries.Values.Select(e => e.Data.GetValueOrDefault(SnapshotAgeKey)).FirstOrDefault(v => v is not null);
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            snapshotAgeSeconds = age,
        }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }, context.RequestAborted);
    }

    /// <summary>The data key a check uses to report how old this node's library snapshot is.</summary>
    public const string SnapshotAgeKey = "ageSeconds";
}
