using Portal.Content;

namespace Portal.Library;

public sealed record OwnerDto(string Key, string Name, string Function, string Email, string Unit);

public sealed record LawLinkDto(string Text, string? Url);

public sealed record TocEntryDto(int Level, string Id, string Text);

public record DocumentSummaryDto(
    string Slug, string Title, string Type, string Area, OwnerDto Owner, DateOnly ReviewDate, string ReviewStatus,
    IReadOnlyList<string> LegalBasis, IReadOnlyList<LawLinkDto> LegalBasisLinks, DateTimeOffset Updated, DateOnly? ContentUpdated,
    string? Phase, IReadOnlyList<string> Tags, string? Summary, string Url);

public sealed record DocumentDetailDto(
    string Slug, string Title, string Type, string Area, OwnerDto Owner, DateOnly ReviewDate, string ReviewStatus,
    IReadOnlyList<string> LegalBasis, IReadOnlyList<LawLinkDto> LegalBasisLinks, DateTimeOffset Updated, DateOnly? ContentUpdated,
    string? Phase, IReadOnlyList<string> Tags, string? Summary, string Url, int Version, string Html, IReadOnlyList<TocEntryDto> Toc);

public sealed record ContentIssueDto(string File, int Line, string Severity, string Message);

public static class DocumentDtoMapper
{
    public static OwnerDto ToDto(this Owner owner) => new(owner.Key, owner.Name, owner.Function, owner.Email, owner.Unit);

    public static DocumentSummaryDto ToSummary(this LibraryDocument d, DateOnly today, int soonDays) => new(
        d.Slug, d.Title, d.Type, AreaNames.Key(d.Area), d.Owner.ToDto(), d.ReviewDate, ReviewStatusNames.Key(d.ReviewStatusOn(today, soonDays)),
        d.LegalBasis.Select(l => l.Text).ToList(), d.LegalBasis.Select(l => new LawLinkDto(l.Text, l.Url)).ToList(), d.ChangedAt, d.Updated,
        d.Phase, d.Tags, d.Summary, MarkdownRenderer.DocumentRoute + d.Slug);

    public static DocumentDetailDto ToDetail(this LibraryDocument d, DateOnly today, int soonDays)
    {
        var s = d.ToSummary(today, soonDays);
        return new(s.Slug, s.Title, s.Type, s.Area, s.Owner, s.ReviewDate, s.ReviewStatus, s.LegalBasis, s.LegalBasisLinks, s.Updated, s.ContentUpdated,
            s.Phase, s.Tags, s.Summary, s.Url, d.VersionNumber, d.Html, d.Toc.Select(t => new TocEntryDto(t.Level, t.Id, t.Text)).ToList());
    }

    public static ContentIssueDto ToDto(this ContentIssue issue) =>
        new(issue.File, issue.Line, issue.Severity == IssueSeverity.Error ? "fejl" : "advarsel", issue.Message);
}
