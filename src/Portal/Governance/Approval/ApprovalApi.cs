using Portal.Auth;
using Portal.Documents;

namespace Portal.Governance;

public sealed record SubmitBody(string Slug, string Text, Guid ExpectedStamp, string? Comment);

/// <summary><paramref name="Material"/>: the approver marks the change "væsentlig" for this audience ("alle", "område:børn", ...).</summary>
public sealed record DecisionBody(string? Remark, string? Material = null);

public sealed record ApprovalDto(int Id, string Slug, string Title, string Type, string Area, int Version, int? BaseVersion, string Author, string? Comment,
    DateTimeOffset SubmittedAt, bool Lapsed, bool CanApprove, string? Refusal);

/// <summary>/api/governance/approvals: send for approval (coordinators, who edit), the queue and the decisions (approvers).</summary>
public static class ApprovalApi
{
    public static void MapApprovalApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/governance/approvals");

        api.MapPost("", async (SubmitBody body, ApprovalService approvals, HttpContext http, CancellationToken ct) =>
            (await approvals.SubmitAsync(body.Slug, body.Text, body.ExpectedStamp, body.Comment, UserProfile.From(http.User), ct)).ToHttp())
            .RequireAuthorization(Policies.Coordinator);

        api.MapGet("", async (ApprovalService approvals, HttpContext http, CancellationToken ct) =>
            (await approvals.PendingAsync(UserProfile.From(http.User), ct)).Select(i => new ApprovalDto(i.Request.Id, i.Request.Slug, i.Request.Title,
                i.Request.DocumentType, i.Request.Area, i.Request.VersionNumber, i.Request.BaseVersionNumber, i.Request.AuthorName, i.Request.Comment,
                i.Request.SubmittedAt, i.Lapsed, i.CanApprove, i.Refusal)).ToList())
            .RequireAuthorization(Policies.Approver);

        api.MapPost("/{id:int}/approve", async (int id, DecisionBody? body, ApprovalService approvals, HttpContext http, CancellationToken ct) =>
            ReadAudience.TryParseOptional(body?.Material, out var material)
                ? Decision(await approvals.ApproveAsync(id, body?.Remark, UserProfile.From(http.User), ct, material))
                : EditResult.Invalid([new FieldError("væsentlig", 0, ReadAudience.UnknownKey)]).ToHttp())
            .RequireAuthorization(Policies.Approver);

        api.MapPost("/{id:int}/return", async (int id, DecisionBody? body, ApprovalService approvals, HttpContext http, CancellationToken ct) =>
            Decision(await approvals.ReturnAsync(id, body?.Remark, UserProfile.From(http.User), ct)))
            .RequireAuthorization(Policies.Approver);
    }

    // Self-approval and a missing approver role are refusals of who is asking: 403, so scripts can tell them from a stale request.
    private static IResult Decision(EditResult result) =>
        result.Status == EditStatus.Refused && ApprovalRules.IsAboutTheUser(result.Message)
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Du kan ikke godkende denne ændring", detail: result.Message)
            : result.ToHttp();
}
