using Portal.Auth;
using Portal.Content;

namespace Portal.Governance;

public sealed record ConfirmBody(string Slug, int Version);

public sealed record ReminderBody(string Slug);

public sealed record ReaderStatusDto(string Name, string Unit, int RequiredVersion, DateTimeOffset? ConfirmedAt);

public sealed record CoverageDto(string Slug, string Title, string Owner, int Version, string Audience, DateTimeOffset MarkedAt, int Confirmed, int Total,
    IReadOnlyList<UnitCoverage> Units, IReadOnlyList<ReaderStatusDto> Readers);

/// <summary>
/// The form posts of the static document and coverage pages (/laesebekraeftelser/...), and /api/governance/read-confirmations.
/// The user always comes from the sign-in, never from the request: nobody confirms on behalf of another.
/// </summary>
public static class ReadConfirmationApi
{
    public const string ConfirmPath = "/laesebekraeftelser/bekraeft";
    public const string RemindPath = "/laesebekraeftelser/paamind";
    public const string PagePath = "/laesebekraeftelser";

    public static void MapReadConfirmationApi(this WebApplication app)
    {
        // The form is read by hand after the antiforgery filter, so a missing token gets the portal's Danish 400, not a binding error.
        app.MapPost(ConfirmPath, async (ReadConfirmationService reads, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var slug = form["slug"].ToString();
            _ = int.TryParse(form["version"], System.Globalization.CultureInfo.InvariantCulture, out var version);
            var result = await reads.ConfirmAsync(slug, version, UserProfile.From(http.User), http.RequestAborted);
            return Results.LocalRedirect($"{MarkdownRenderer.DocumentUrl(slug)}?laest={OutcomeCode(result.Outcome)}#laesebekraeftelse");
        }).RequireAuthorization(Policies.Caseworker).RequireAntiforgery();

        app.MapPost(RemindPath, async (ReadConfirmationService reads, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var slug = form["slug"].ToString();
            var tilbage = form["tilbage"].ToString();
            var result = await reads.RemindAsync(slug, UserProfile.From(http.User), http.RequestAborted);
            if (result.Refused)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Du kan ikke sende påmindelser", detail: result.Message);
            }
            var back = IsLocal(tilbage) ? tilbage : PagePath;
            return Results.LocalRedirect($"{back}{(back.Contains('?') ? '&' : '?')}paamindet={result.Sent}&status={result.Code}");
        }).RequireAuthorization(Policies.Caseworker).RequireAntiforgery();

        var api = app.MapGroup("/api/governance/read-confirmations");

        api.MapGet("/mine", async (ReadConfirmationService reads, HttpContext http, CancellationToken ct) =>
            await reads.PendingForAsync(UserProfile.From(http.User), ct))
            .RequireAuthorization(Policies.Caseworker);

        api.MapPost("", async (ConfirmBody body, ReadConfirmationService reads, HttpContext http, CancellationToken ct) =>
        {
            var result = await reads.ConfirmAsync(body.Slug, body.Version, UserProfile.From(http.User), ct);
            return result.Outcome switch
            {
                ConfirmOutcome.Outdated => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Der er en nyere ændring", detail: result.Message),
                ConfirmOutcome.NotRequired => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Intet at bekræfte", detail: result.Message),
                _ => Results.Ok(new { outcome = OutcomeCode(result.Outcome), message = result.Message }),
            };
        }).RequireAuthorization(Policies.Caseworker);

        api.MapGet("/coverage", async (string? slug, ReadConfirmationService reads, CancellationToken ct) =>
            (await reads.CoverageAsync(slug, ct)).Select(c => new CoverageDto(c.Slug, c.Title, c.OwnerName, c.Latest.VersionNumber, c.Latest.Audience.Label,
                c.Latest.MarkedAt, c.Confirmed, c.Total, c.Units,
                c.Readers.Select(r => new ReaderStatusDto(r.Reader.Name, r.Reader.Unit, r.RequiredVersion, r.ConfirmedAt)).ToList())).ToList())
            .RequireAuthorization(Policies.Coordinator);

        api.MapPost("/reminders", async (ReminderBody body, ReadConfirmationService reads, HttpContext http, CancellationToken ct) =>
        {
            var result = await reads.RemindAsync(body.Slug, UserProfile.From(http.User), ct);
            return result.Succeeded
                ? Results.Ok(new { sent = result.Sent, message = result.Message })
                : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Påmindelserne er ikke sendt", detail: result.Message);
        }).RequireAuthorization(Policies.Coordinator);
    }

    public static string OutcomeCode(ConfirmOutcome outcome) => outcome switch
    {
        ConfirmOutcome.Confirmed => "bekraeftet",
        ConfirmOutcome.AlreadyConfirmed => "allerede",
        ConfirmOutcome.Outdated => "nyere",
        _ => "ikke-kraevet",
    };

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
