using Portal.Content;
using Portal.Library;

namespace Portal.Governance;

/// <summary>The document as published on a date, in the shape of GET /api/documents/{slug} plus which version and when.</summary>
public sealed record AsOfDocumentDto(DateOnly AsOf, int Version, DateTimeOffset PublishedAt, int? CurrentVersion, bool IsCurrent, string Banner, DocumentDetailDto Document);

public static class AsOfApi
{
    public static async Task<IResult> GetAsync(string slug, string asOf, DocumentAsOf history, DateOnly today, int soonDays)
    {
        if (!AsOfRule.TryParseDate(asOf, out var date))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig dato", detail: AsOfRule.InvalidDate);
        }
        var result = await history.GetAsync(slug, date);
        return result.Status switch
        {
            AsOfStatus.Found => Results.Ok(new AsOfDocumentDto(date, result.Version!.Number, result.Version.PublishedAt, result.Current?.Number, result.IsCurrent, result.Banner,
                result.Document!.ToDetail(today, soonDays) with { Version = result.Version.Number })),
            AsOfStatus.NotYetPublished => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ingen udgivet version på datoen", detail: result.Banner),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dokumentet findes ikke", detail: $"Der er intet dokument med identiteten '{slug}'."),
        };
    }
}
