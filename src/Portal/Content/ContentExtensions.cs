using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Content;

public static class ContentExtensions
{
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<LawPortalOptions>().BindConfiguration(LawPortalOptions.Section)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "LawPortal:BaseUrl skal være en absolut URL.").ValidateOnStart();
        builder.Services.AddSingleton<ContentRoot>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value);
        builder.Services.AddSingleton<ContentFileReader>();
        builder.Services.AddSingleton(sp => new HtmlSafety(sp.GetRequiredService<ContentOptions>().AllowedImageHosts));
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<DocumentParser>();
        builder.Services.AddSingleton<IDocumentCheck, LocalPlaceholderCheck>();
        builder.Services.AddSingleton<ParseCache>();
        builder.Services.AddSingleton(sp => new HtmlCache(sp.GetRequiredService<ContentOptions>().HtmlCacheMegabytes * 1024L * 1024));
        builder.Services.AddSingleton<ContentImporter>();
        builder.Services.AddSingleton<ContentCatalog>();
        builder.Services.AddSingleton<ContentSynchronizer>();
        builder.Services.TryAddSingleton(new ContentLease(held: true));
        builder.Services.AddHostedService<ContentWatcher>();
        return builder;
    }

    /// <summary>
    /// On a restart (the database already holds the library), builds the snapshot from the database and the parse cache,
    /// as every node does whether or not it holds the content lease: it can run while the lease is taken. False on a
    /// first start (nothing stored yet).
    /// </summary>
    public static async Task<bool> LoadStoredLibraryAsync(this WebApplication app)
    {
        if (!await app.Services.GetRequiredService<ContentSynchronizer>().RebuildStoredAsync())
        {
            return false;
        }
        app.Logger.LogInformation("Viser biblioteket fra databasen; indholdsmappen sammenlignes i baggrunden efter start, hvis noden har indholdslåsen");
        return true;
    }

    /// <summary>
    /// On a first start, imports content/ before the first request so the library is complete when the URL is printed.
    /// After a restart (<paramref name="storedLoaded"/>: <see cref="LoadStoredLibraryAsync"/> built the snapshot),
    /// content/ is compared in the background after start. A node without the content lease builds its library from
    /// the database only (another node imports).
    /// </summary>
    public static async Task ImportContentAsync(this WebApplication app, bool storedLoaded)
    {
        var sync = app.Services.GetRequiredService<ContentSynchronizer>();
        if (!app.Services.GetRequiredService<ContentLease>().IsHeld)
        {
            if (!storedLoaded)
            {
                app.Logger.LogInformation("Indlæser biblioteket fra databasen");
                await sync.RebuildAsync();
            }
            return;
        }
        if (storedLoaded)
        {
            // The first request is served from the database at once; content/ is compared (changes made while the
            // portal was down) after start.
            var stopping = app.Lifetime.ApplicationStopping;
            // After the server has answered its first request: the comparison reads and hashes every file.
            var warmUp = app.Services.GetRequiredService<Health.StartupWarmUp>();
            app.Lifetime.ApplicationStarted.Register(() => warmUp.Track(Task.Run(async () =>
            {
                await warmUp.Done;
                await sync.SyncAfterStartAsync(stopping);
            }, stopping)));
            return;
        }
        var options = app.Services.GetRequiredService<ContentOptions>();
        var root = app.Services.GetRequiredService<ContentRoot>().Path;
        var files = options.DocumentFolders.Select(folder => Path.Combine(root, folder)).Where(Directory.Exists)
            .Sum(dir => Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories).Count(f => !f.EndsWith("README.md", StringComparison.Ordinal)));
        app.Logger.LogInformation("Importerer {Count} dokumenter fra {Root}", files, root);
        await sync.SyncAsync();
    }
}
