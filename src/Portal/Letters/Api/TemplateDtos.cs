using Portal.Content;

namespace Portal.Letters;

public sealed record TemplateFieldDto(string Name, string Label, string Type, bool Required, string? Help, IReadOnlyList<string>? Options, object? Default);

public sealed record TemplateOwnerDto(string Key, string Name, string Function, string Email);

public sealed record TemplateSummaryDto(
    string Id,
    string Title,
    string Type,
    string? DecisionType,
    string Area,
    IReadOnlyList<string> LegalBasis,
    TemplateOwnerDto Owner,
    DateOnly ReviewDate,
    string Recipients,
    int Version,
    string Hash,
    IReadOnlyList<TemplateFieldDto> Fields,
    LegalStatusDto LegalStatus);

/// <summary>juridisk_status: status godkendt/afventer/uafklaret, approved = godkendt and the text unchanged; bodyHash is what a jurist approves.</summary>
public sealed record LegalStatusDto(string Status, bool Approved, bool Lapsed, string? ApprovedBy, DateOnly? ApprovedOn, string? OpenQuestion, string Label, string BodyHash);

public sealed record TemplateDetailDto(TemplateSummaryDto Template, IReadOnlyDictionary<string, object?> Example, string Source);

public sealed record LetterWarningDto(string Code, string Message);

public sealed record RenderedLetterDto(string? Recipient, string? Role, string Html);

/// <summary>final: the letter may be sent; otherwise banner says why it is a draft (finalBlockers lists every reason).</summary>
public sealed record RenderResponseDto(
    string Html,
    IReadOnlyList<LetterWarningDto> Warnings,
    DateOnly ComplaintDeadline,
    IReadOnlyList<RenderedLetterDto> Letters,
    bool Final,
    string? Banner,
    IReadOnlyList<string> FinalBlockers,
    string? ComplaintExplanation);

public sealed record FieldErrorDto(string? Field, string Message);

public sealed record ErrorResponseDto(IReadOnlyList<FieldErrorDto> Errors);

public static class TemplateDtoMapping
{
    public static TemplateSummaryDto ToSummary(this TemplateDefinition t) => new(
        t.Slug,
        t.Title,
        TemplateNames.Key(t.Kind),
        t.DecisionType is { } d ? TemplateNames.Key(d) : null,
        AreaNames.Key(t.Document.Area),
        t.Document.LegalBasis.Select(l => l.Text).ToList(),
        new TemplateOwnerDto(t.Document.Owner.Key, t.Document.Owner.Name, t.Document.Owner.Function, t.Document.Owner.Email),
        t.Document.ReviewDate,
        TemplateNames.Key(t.RecipientMode),
        t.Document.VersionNumber,
        t.Document.ContentHash,
        t.Fields.Select(f => new TemplateFieldDto(f.Name, f.Label, TemplateNames.Key(f.Type), f.Required, f.Help, f.Type == FieldType.Choice ? f.Options : null, f.DefaultValue)).ToList(),
        t.LegalStatus.ToDto());

    public static LegalStatusDto ToDto(this LegalStatus s) => new(
        s.Status switch { LegalState.Approved => "godkendt", LegalState.Unresolved => "uafklaret", _ => "afventer" },
        s.IsApproved, s.IsLapsed, s.ApprovedBy, s.ApprovedOn, s.OpenQuestion, s.Label, s.CurrentHash);

    public static TemplateDetailDto ToDetail(this TemplateDefinition t) => new(t.ToSummary(), t.Example, t.Body);

    public static RenderResponseDto ToResponse(this LetterResult result) => new(
        LetterHtml.Compose(result),
        result.Warnings.Select(w => new LetterWarningDto(w.Code, w.Message)).ToList(),
        result.Context.ComplaintDeadline,
        result.Letters.Select(l => new RenderedLetterDto(l.Recipient?.Name, l.Recipient is { } r ? RecipientRoles.Key(r.Role) : null, LetterHtml.Compose(l, result.Context, banner: result.Banner))).ToList(),
        result.IsFinal,
        result.Banner,
        result.FinalBlockers,
        result.Context.Complaint?.Explanation);

    public static ErrorResponseDto ToErrorResponse(this IEnumerable<FieldError> errors) => new(errors.Select(e => new FieldErrorDto(e.Field, e.Message)).ToList());
}
