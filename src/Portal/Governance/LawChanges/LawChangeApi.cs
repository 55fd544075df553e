using Portal.Auth;

namespace Portal.Governance;

/// <summary>/api/governance/law-changes: coordinators register and list law changes.</summary>
public static class LawChangeApi
{
    public static void MapLawChangeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/governance/law-changes").RequireAuthorization(Policies.Coordinator);

        api.MapGet("", async (LawChangeService changes, CancellationToken ct) => (await changes.ListAsync(ct)).Select(c => new
        {
            c.Id, c.Paragraphs, c.InForce, c.Description, c.Link, c.RegisteredAt, c.Flagged, c.Done, c.Documents,
        }));

        api.MapPost("", async (LawChangeInput body, LawChangeService changes, HttpContext http, CancellationToken ct) =>
        {
            var result = await changes.RegisterAsync(body, UserProfile.From(http.User), ct);
            return result.Succeeded
                ? Results.Ok(result)
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Lovændringen er ikke registreret", detail: result.Message);
        });
    }
}
