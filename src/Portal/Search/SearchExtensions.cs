namespace Portal.Search;

public static class SearchExtensions
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddHostedService<SearchWarmUp>();
        builder.Services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("søgeindeks", tags: [Health.HealthTags.Ready]);
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapSearchApi();
        return app;
    }
}

/// <summary>
/// Creates the search service at start-up so the index is built before the first query, off the request path; once the
/// server has answered its first request, as the first build analyses every document (a query before then builds it).
/// </summary>
internal sealed class SearchWarmUp(IServiceProvider services, Health.StartupWarmUp warmUp) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Tracked as start-up work until the first index is built (StartupMemoryTrim waits for it).
        warmUp.Track(warmUp.Done.ContinueWith(_ =>
        {
            try
            {
                return services.GetRequiredService<SearchService>().Idle;
            }
            catch (ObjectDisposedException)
            {
                return Task.CompletedTask; // stopped before the server answered: nothing to build for
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Degraded (still 200) while the first index is built after start-up: pages are served from the snapshot at once, and
/// only a search waits for the index.
/// </summary>
internal sealed class SearchIndexHealthCheck(SearchService search) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(search.HasIndex
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded("Søgeindekset bygges"));
}
