namespace Portal.Library;

public static class LibraryExtensions
{
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LibraryClock>();
        builder.Services.AddSingleton<LibraryTreeHtml>();
        Portal.Components.Layout.NavigationRegistry.Add(new("/tilbud-folder", "Folder: tilbud uden visitation", MudBlazor.Icons.Material.Filled.VolunteerActivism, Order: 20));
        return builder;
    }

    /// <summary>API clients get plain status codes and problem details, not the HTML not-found page.</summary>
    public static IApplicationBuilder UseApiStatusCodes(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } feature)
        {
            feature.Enabled = false;
        }
        return next(context);
    });

    public static WebApplication MapLibrary(this WebApplication app)
    {
        app.MapLibraryApi();
        return app;
    }
}
