using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Documents;

namespace Portal.Reviews;

public sealed record MarkReviewedBody(string Slug, string? Comment);

public sealed record RosterBody(string Key, string Name, string Function, string Email, string? Unit, bool IsNew);

public sealed record MoveOwnerBody(string From, string To, IReadOnlyList<string> Slugs);

/// <summary>JSON endpoints for the review cycle, caseworkers' messages, roster maintenance and the audit log.</summary>
public static class ReviewsApi
{
    public static void MapReviewsApi(this WebApplication app)
    {
        var reviews = app.MapGroup("/api/reviews").RequireAuthorization(Policies.Coordinator);
        reviews.MapGet("/dashboard", (string? status, string? owner, string? area, string? type, ContentCatalog catalog, TimeProvider clock, ContentOptions options) =>
        {
            if (!ReviewDashboard.TryParseStatus(status, out var parsedStatus))
            {
                return Results.Problem(statusCode: 400, title: "Ukendt status", detail: "Brug overskredet, snart eller gyldig.");
            }
            Area? parsedArea = AreaNames.TryParse(area, out var a) ? a : null;
            var today = clock.Today();
            var view = ReviewDashboard.Build(catalog.Current, new DashboardFilter(parsedStatus, owner, parsedArea, type), today, options.ReviewSoonDays);
            return Results.Ok(new
            {
                counts = view.Counts.ToDictionary(c => ReviewStatusNames.Key(c.Key), c => c.Value),
                groups = view.Groups.Select(g => new
                {
                    owner = new { g.Owner.Key, g.Owner.Name, g.Owner.Email },
                    areas = g.Areas.Select(ar => new
                    {
                        area = AreaNames.Key(ar.Area),
                        documents = ar.Rows.Select(r => new { r.Document.Slug, r.Document.Title, r.Document.Type, r.Document.ReviewDate, status = ReviewStatusNames.Key(r.Status), r.DaysLeft }),
                    }),
                }),
            });
        });
        reviews.MapPost("/mark", async (MarkReviewedBody body, ReviewService service, HttpContext http, CancellationToken ct) =>
            (await service.MarkReviewedAsync(body.Slug, UserProfile.From(http.User), body.Comment, ct)).ToHttp());
        reviews.MapPost("/reminders/run", async (ReminderJob job, CancellationToken ct) => Results.Ok(await job.RunOnceAsync(ct)))
            .RequireAuthorization(Policies.Administrator);

        var feedback = app.MapGroup("/api/feedback");
        feedback.MapPost("", async (FeedbackRequest body, FeedbackService service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.SubmitAsync(body, UserProfile.From(http.User), ct);
            return result.Saved ? Results.Ok(result) : Results.Problem(statusCode: 400, title: "Beskeden er ikke sendt", detail: result.Message);
        }).RequireAuthorization(Policies.Caseworker);
        feedback.MapGet("", async (string? owner, bool? all, FeedbackService service, CancellationToken ct) =>
            await service.ListAsync(owner, all ?? false, ct)).RequireAuthorization(Policies.Coordinator);
        feedback.MapPost("/{id:int}/handled", async (int id, FeedbackService service, HttpContext http, CancellationToken ct) =>
            await service.MarkHandledAsync(id, UserProfile.From(http.User).Name, ct) ? Results.NoContent() : Results.Problem(statusCode: 404, title: "Beskeden findes ikke"))
            .RequireAuthorization(Policies.Coordinator);

        var roster = app.MapGroup("/api/roster").RequireAuthorization(Policies.Administrator);
        roster.MapGet("", (ContentCatalog catalog) => catalog.Current.Roster.Owners);
        roster.MapPost("", async (RosterBody body, RosterService service, HttpContext http, CancellationToken ct) =>
            ToHttp(await service.SaveAsync(new RosterEntry(body.Key, body.Name, body.Function, body.Email, body.Unit ?? ""), body.IsNew, UserProfile.From(http.User), ct)));
        roster.MapPost("/{key}/retire", async (string key, RosterService service, HttpContext http, CancellationToken ct) =>
            ToHttp(await service.RetireAsync(key, UserProfile.From(http.User), ct)));
        roster.MapGet("/{key}/documents", async (string key, RosterService service, CancellationToken ct) => await service.DocumentsOfAsync(key, ct));
        roster.MapPost("/move", async (MoveOwnerBody body, RosterService service, HttpContext http, CancellationToken ct) =>
            ToHttp(await service.MoveDocumentsAsync(body.From, body.To, body.Slugs ?? [], UserProfile.From(http.User), ct)));

        app.MapGet("/api/audit", async (int? take, string? user, string? action, AuditQuery query, CancellationToken ct) =>
            await query.LatestAsync(Math.Clamp(take ?? 200, 1, 1000), user, action, ct)).RequireAuthorization(Policies.Administrator);
    }

    private static IResult ToHttp(RosterResult result) =>
        result.Succeeded ? Results.Ok(result) : Results.Problem(statusCode: 400, title: "Ikke gemt", detail: result.Message);
}
