namespace Portal.Library;

public static class LibraryExtensions
{
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LibraryClock>();
        return builder;
    }

    public static WebApplication MapLibrary(this WebApplication app)
    {
        app.MapLibraryApi();
        return app;
    }
}
