using System.Globalization;
using Portal.Auth;
using Portal.Content;

namespace Portal.Search;

/// <summary>One API result, in rank order.</summary>
public sealed record SearchResultDto(string Slug, string Title, string Type, string Area, string Snippet, double Score, string Url, bool Overdue);

/// <summary>One suggestion of the quick search: the title, one line of type, område and revision, and the address.</summary>
public sealed record SuggestionDto(string Title, string Meta, string Url);

public static class SearchApi
{
    /// <summary>How many suggestions the quick search shows.</summary>
    public const int SuggestionCount = 8;

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

        // The quick search in the app bar (portal.js): the same search and checks, a shape made for the list.
        app.MapGet("/api/search/forslag", (string? q, SearchService search, TimeProvider clock, ContentOptions options) =>
        {
            if (Validate(q, null, null, null, options) is { } problem)
            {
                return problem;
            }
            var hits = Searcher.Search(search.Index, new SearchRequest(q!, Take: SuggestionCount), clock.Today(), options).Hits;
            return Results.Ok(hits.Select(h => new SuggestionDto(h.Title, Meta(h), h.Url)).ToList());
        }).RequireAuthorization(Policies.Caseworker);
    }

    public static string Meta(SearchHit hit) => $"{hit.TypeLabel} · {AreaNames.Label(hit.Area)}{(hit.Overdue ? " · Revision overskredet" : "")}";

    private static IResult? Validate(string? q, string? type, string? area, string? take, ContentOptions options)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problem("Søgningen mangler", "Skriv hvad du søger efter i parameteren q, fx /api/search?q=afslag+merudgifter.");
        }
        if (Privacy.CprDetector.Contains(q))
        {
            // The portal holds no case data, so a CPR number finds nothing; it is neither searched nor echoed.
            return Problem("Søgningen ligner et CPR-nummer", "Søg aldrig på CPR-numre. Portalen indeholder ingen oplysninger om borgere. Søg på emnet, fx 'merudgifter'.");
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
