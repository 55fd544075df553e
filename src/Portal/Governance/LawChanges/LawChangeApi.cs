using Portal.Auth;

namespace Portal.Governance;

/// <summary>/api/governance/law-changes: coordinators register and list law changes.</summary>
public static class LawChangeApi
{
    public static void MapLawChangeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/governance/law-changes").RequireAuthorization(Policies.Coordinator);

        api.MapGet("", async (LawChangeService changes, CancellationToken ct) => await changes.ListAsync(ct));

        api.MapPost("", async (LawChangeInput body, LawChangeService changes, HttpContext http, CancellationToken ct) =>
        {
            var result = await changes.RegisterAsync(body, UserProfile.From(http.User), ct);
            return result.Succeeded
                ? Results.Ok(result)
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Lovændringen er ikke registreret", detail: result.Message);
        });

        // The body is the YAML file itself (text/plain or application/yaml).
        api.MapPost("/import", async (HttpRequest request, LawChangeImport import, HttpContext http, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var yaml = await reader.ReadToEndAsync(ct);
            var result = await import.ImportAsync(yaml, UserProfile.From(http.User), ct);
            return result.Errors.Count > 0 && result.Registered == 0 && result.Skipped == 0
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ingen lovændringer importeret", detail: string.Join(" ", result.Errors))
                : Results.Ok(result);
        });
    }
}
