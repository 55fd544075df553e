namespace Portal.Search;

public static class SearchExtensions
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddHostedService<SearchWarmUp>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapSearchApi();
        return app;
    }
}

/// <summary>Creates the search service at start-up so the index is built before the first query, off the request path.</summary>
internal sealed class SearchWarmUp(SearchService search) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = search;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
