using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Portal.Performance;

public static class PerformanceExtensions
{
    public static WebApplicationBuilder AddPerformance(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Pages carry antiforgery tokens, but they are encrypted afresh for every response, so no secret repeats (BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/plain", "application/json", "application/problem+json", "image/svg+xml"];
        });
        // Fastest keeps the CPU for rendering; it still shrinks HTML about five times.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.AddOptions<SharedPageCacheOptions>().BindConfiguration(SharedPageCacheOptions.Section);
        builder.Services.AddSingleton<SharedPageCache>();
        builder.Services.AddHostedService<StartupMemoryTrim>();
        return builder;
    }

    /// <summary>Compression for dynamic responses (static assets come precompressed from MapStaticAssets).</summary>
    public static IApplicationBuilder UsePerformance(this IApplicationBuilder app) => app.UseResponseCompression();

    /// <summary>
    /// Builds the singletons whose first use is slow (the HTML sanitiser's static tables, the Markdown pipeline) on the
    /// other core while the database is migrated and the content lease taken, so a restart reaches its first page
    /// sooner. A failure here is left to the real first use, which reports it.
    /// </summary>
    public static Task WarmUpInBackground(this WebApplication app) => Task.Run(() =>
    {
        try
        {
            app.Services.GetRequiredService<Content.MarkdownRenderer>();
            app.Services.GetRequiredService<Content.DocumentParser>();
        }
        catch (Exception ex)
        {
            app.Logger.LogDebug(ex, "Opvarmning ved start fejlede; tjenesten bygges ved første brug");
        }
    });

    /// <summary>
    /// Builds the component routes and the Blazor hub's endpoints (their data source keeps them) on the other core while
    /// the library is built; the server's start and its first request built them on the critical path. The minimal
    /// APIs' source builds its endpoints anew on every read, so for it this only runs the routing code once ahead.
    /// Awaited before the server starts, so nothing else touches the data sources meanwhile.
    /// </summary>
    public static Task BuildEndpointsInBackground(this WebApplication app) => Task.Run(() =>
    {
        try
        {
            foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
            {
                _ = source.Endpoints;
            }
        }
        catch (Exception ex)
        {
            app.Logger.LogDebug(ex, "Endepunkterne kunne ikke bygges ved start; de bygges ved første forespørgsel");
        }
    });

    public static WebApplication MapPerformance(this WebApplication app)
    {
        app.MapLiveVersion();
        return app;
    }
}
