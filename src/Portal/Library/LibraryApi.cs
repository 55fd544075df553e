using Portal.Auth;
using Portal.Content;

namespace Portal.Library;

public static class LibraryApi
{
    public static void MapLibraryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Caseworker);

        api.MapGet("/documents", (ContentCatalog catalog, TimeProvider clock, ContentOptions options) =>
        {
            var today = clock.Today();
            return catalog.Current.LibraryDocuments.Concat(catalog.Current.Documents.Where(d => d.IsTemplate))
                .Select(d => d.ToSummary(today, options.ReviewSoonDays)).ToList();
        });

        api.MapGet("/documents/{*slug}", async (string slug, string? asOf, ContentCatalog catalog, TimeProvider clock, ContentOptions options, Governance.DocumentAsOf history) =>
        {
            var today = clock.Today();
            if (asOf is not null)
            {
                return await Governance.AsOfApi.GetAsync(slug, asOf, history, today, options.ReviewSoonDays);
            }
            return catalog.Current.Find(slug) is { } document
                ? Results.Ok(document.ToDetail(today, options.ReviewSoonDays))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dokumentet findes ikke", detail: $"Der er intet dokument med identiteten '{slug}'.");
        });

        api.MapGet("/content/errors", (ContentCatalog catalog) => catalog.Current.Issues.Select(i => i.ToDto()).ToList())
            .RequireAuthorization(Policies.Coordinator);
    }
}
