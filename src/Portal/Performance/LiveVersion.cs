using Portal.Auth;
using Portal.Content;

namespace Portal.Performance;

/// <summary>
/// What an open, statically rendered document page compares with the server to notice a change
/// (the interactive page used to get it pushed through its circuit): the served text, version and owner.
/// </summary>
public static class LiveVersion
{
    public const string DocumentRoute = "/live/dokument/";

    public static string Of(LibraryDocument? document) =>
        document is null
            ? "none"
            : ContentHash.Of($"{document.ContentHash}|{document.VersionNumber}|{document.Owner.Key}|{document.Owner.Name}|{document.Owner.Function}|{document.ReviewDate:O}")[..16];

    /// <summary>GET /live/dokument/{slug}: the version as text; portal.js polls it while the page is visible.</summary>
    public static IEndpointRouteBuilder MapLiveVersion(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentRoute + "{*slug}", (string slug, ContentCatalog catalog, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.Text(Of(catalog.Current.Find(slug)), "text/plain");
        }).AsPassiveRequest();
        return app;
    }
}
