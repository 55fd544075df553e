using System.Globalization;
using Portal.Auth;
using Portal.Content;

namespace Portal.Search;

/// <summary>One API result, in rank order.</summary>
public sealed record SearchResultDto(string Slug, string Title, string Type, string Area, string Snippet, double Score, string Url, bool Overdue);

public static class SearchApi
{
    public static void MapSearchApi(this WebApplication app)
    {
        app.MapGet("/api/search", (string? q, string? type, string? area, string? take, SearchService search, TimeProvider clock, ContentOptions options) =>
        {
            if (Validate(q, type, area, take, options) is { } problem)
            {
                return problem;
            }
            var request = new SearchRequest(q!, Normalize(type), AreaNames.TryParse(area, out var a) ? a : null,
                take is null ? 20 : int.Parse(take, CultureInfo.InvariantCulture));
            var response = Searcher.Search(search.Index, request, clock.Today(), options);
            return Results.Ok(response.Hits.Select(h => new SearchResultDto(h.Slug, h.Title, h.Type, AreaNames.Key(h.Area), h.SnippetHtml, h.Score, h.Url, h.Overdue)).ToList());
        }).RequireAuthorization(Policies.Caseworker);
    }

    private static IResult? Validate(string? q, string? type, string? area, string? take, ContentOptions options)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problem("Søgningen mangler", "Skriv hvad du søger efter i parameteren q, fx /api/search?q=afslag+merudgifter.");
        }
        if (type is not null && (Normalize(type) is not { } t || !options.DocumentTypes.ContainsKey(t)))
        {
            return Problem("Ukendt type", $"Typen '{type}' findes ikke. Gyldige typer: {string.Join(", ", options.DocumentTypes.Keys)}.");
        }
        if (area is not null && !AreaNames.TryParse(area, out _))
        {
            return Problem("Ukendt område", $"Området '{area}' findes ikke. Brug børn, voksen eller fælles.");
        }
        if (take is not null && (!int.TryParse(take, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1 || n > Searcher.MaxTake))
        {
            return Problem("Ugyldigt antal", $"take skal være et helt tal fra 1 til {Searcher.MaxTake}.");
        }
        return null;
    }

    private static string? Normalize(string? type) => string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToLowerInvariant();

    private static IResult Problem(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
