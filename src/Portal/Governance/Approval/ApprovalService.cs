using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Documents;
using Portal.Editing;
using LegalApproval = Portal.Letters.LegalApproval;

namespace Portal.Governance;

/// <summary>A request in the approval queue with its diff against the published version and whether this user may decide it.</summary>
public sealed record ApprovalItem(ApprovalRequest Request, bool Lapsed, IReadOnlyList<DiffLine> Diff, string? Refusal)
{
    public bool CanApprove => Refusal is null && !Lapsed;
}

/// <summary>Four eyes: the author sends a draft for approval, a different approver publishes it or sends it back.</summary>
public sealed class ApprovalService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DocumentStore store,
    DocumentValidator validator,
    AuditLog audit,
    IOptions<ApprovalOptions> options,
    ApprovalMail mail,
    ReadConfirmationService reads,
    TimeProvider clock)
{
    public const string MissingComment = "Skriv en kommentar til godkenderen: hvad er ændret, og hvorfor.";
    public const string MissingRemark = "Skriv en bemærkning til forfatteren: hvad skal rettes?";

    public ApprovalOptions Options => options.Value;

    public bool Requires(string type) => ApprovalRules.Requires(options.Value, type);

    public async Task<EditResult> SubmitAsync(string slug, string text, Guid expectedStamp, string? comment, UserProfile author, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is null)
        {
            return EditResult.Invalid([new FieldError("kommentar", 0, MissingComment)]);
        }
        var validation = validator.Validate(slug, TextNormalizer.NormalizeNewlines(text ?? ""));
        if (validation.Document is not { } parsed)
        {
            return EditResult.Invalid(validation.Errors);
        }
        var current = await store.LoadAsync(slug, cancellationToken);
        if (current is null)
        {
            return EditResult.NotFound(slug);
        }
        ApprovalRequest? created = null;
        void AddRequest(PortalDbContext db, int version)
        {
            foreach (var old in db.Set<ApprovalRequest>().Where(a => a.Slug == slug && a.Status == ApprovalStatus.Pending))
            {
                old.Status = ApprovalStatus.Superseded;
            }
            created = new ApprovalRequest
            {
                Slug = slug,
                VersionNumber = version,
                BaseVersionNumber = current.Published?.Number,
                Title = parsed.Title,
                DocumentType = parsed.Type,
                Area = AreaNames.Key(parsed.Area),
                AuthorId = author.Id,
                AuthorName = author.Name,
                AuthorEmail = author.Email,
                Comment = comment,
                SubmittedAt = clock.GetUtcNow(),
                Status = ApprovalStatus.Pending,
            };
            db.Add(created);
        }

        EditResult result;
        if (TextNormalizer.NormalizeNewlines(text ?? "") == current.Latest.Content)
        {
            if (!current.HasDraft)
            {
                return EditResult.Refused("Der er ingen ændringer at sende til godkendelse.");
            }
            if (current.Stamp != expectedStamp)
            {
                return EditResult.Refused("Dokumentet er ændret, mens du redigerede. Hent den nye version, og send den igen.");
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            AddRequest(db, current.Latest.Number);
            audit.Add(db, author, AuditActions.SubmitForApproval, slug, $"Version {current.Latest.Number}: {comment}");
            await db.SaveChangesAsync(cancellationToken);
            result = new EditResult(EditStatus.Saved, "") { Slug = slug, VersionNumber = current.Latest.Number, Stamp = current.Stamp };
        }
        else
        {
            result = await store.SubmitDraftAsync(slug, text!, expectedStamp, comment, author, (db, _, version) => AddRequest(db, version.Number), cancellationToken);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        await mail.SubmittedAsync(created!, cancellationToken);
        var seen = current.Published is { } p ? $"Sagsbehandlerne ser fortsat version {p.Number}, indtil en anden har godkendt ændringen." : "Dokumentet vises først, når det er godkendt.";
        return result with { Message = $"Version {result.VersionNumber} er sendt til godkendelse. {seen}" };
    }

    /// <summary>Pending requests, oldest first, with each one's diff and what this user may do.</summary>
    public async Task<IReadOnlyList<ApprovalItem>> PendingAsync(UserProfile user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requests = await db.Set<ApprovalRequest>().AsNoTracking().Where(a => a.Status == ApprovalStatus.Pending).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var items = new List<ApprovalItem>();
        foreach (var request in requests)
        {
            var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == request.Slug, cancellationToken);
            if (document is null)
            {
                continue;
            }
            var texts = await db.DocumentVersions.AsNoTracking()
                .Where(v => v.DocumentId == document.Id && (v.Number == request.VersionNumber || v.Number == document.PublishedVersionNumber))
                .ToDictionaryAsync(v => v.Number, v => v.Content, cancellationToken);
            var published = document.PublishedVersionNumber is { } n ? texts[n] : "";
            var lapsed = document.LatestVersionNumber != request.VersionNumber;
            items.Add(new ApprovalItem(request, lapsed, VersionDiff.Compute(published, texts[request.VersionNumber]),
                lapsed ? DocumentStore.ChangedSinceSubmission : ApprovalRules.RefuseApproval(options.Value, request, user)));
        }
        return items;
    }

    public async Task<ApprovalRequest?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApprovalRequest>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Publishes the approved version; <paramref name="material"/> marks it "væsentlig" for that audience in the same transaction.</summary>
    public async Task<EditResult> ApproveAsync(int id, string? remark, UserProfile approver, CancellationToken cancellationToken = default, ReadAudience? material = null)
    {
        var request = await FindAsync(id, cancellationToken);
        if (request is null)
        {
            return EditResult.NotFound($"godkendelse {id}") with { Message = "Anmodningen om godkendelse findes ikke." };
        }
        if (ApprovalRules.RefuseApproval(options.Value, request, approver) is { } refusal)
        {
            return EditResult.Refused(refusal);
        }
        remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        var today = clock.Today();
        // A template approved here gets juridisk_status: godkendt with the body's hash, so the approval lapses when the text changes.
        Func<string, string>? finalize = ApprovalRules.NeedsJurist(options.Value, request.DocumentType)
            ? text => LegalApproval.Approve(text, request.Slug + ".md", approver.Name, today)
            : null;
        var mark = reads.MarkOnPublish(material, approver);
        var comment = $"{request.Comment} (godkendt af {approver.Name}{(remark is null ? "" : ": " + remark)})";
        var result = await store.PublishApprovedAsync(request.Slug, request.VersionNumber, Truncate(comment), approver, finalize, (db, document, version) =>
        {
            var row = db.Set<ApprovalRequest>().First(a => a.Id == id);
            (row.Status, row.DeciderId, row.DeciderName, row.DecidedAt, row.Remark, row.PublishedVersionNumber) =
                (ApprovalStatus.Approved, approver.Id, approver.Name, clock.GetUtcNow(), remark, version.Number);
            mark?.Invoke(db, document, version);
        }, cancellationToken);
        if (result.Succeeded)
        {
            await mail.DecidedAsync(request, approved: true, approver, remark, cancellationToken);
            return result with { Message = $"Ændringen er godkendt og udgivet som version {result.VersionNumber}." };
        }
        return result;
    }

    public async Task<EditResult> ReturnAsync(int id, string? remark, UserProfile approver, CancellationToken cancellationToken = default)
    {
        remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        if (remark is null)
        {
            return EditResult.Invalid([new FieldError("bemærkning", 0, MissingRemark)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ApprovalRequest>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (row is null)
        {
            return EditResult.Refused("Anmodningen om godkendelse findes ikke.");
        }
        if (ApprovalRules.RefuseReturn(options.Value, row, approver) is { } refusal)
        {
            return EditResult.Refused(refusal);
        }
        (row.Status, row.DeciderId, row.DeciderName, row.DecidedAt, row.Remark) = (ApprovalStatus.Returned, approver.Id, approver.Name, clock.GetUtcNow(), Truncate(remark));
        audit.Add(db, approver, AuditActions.ReturnForChanges, row.Slug, $"Version {row.VersionNumber}: {remark}");
        await db.SaveChangesAsync(cancellationToken);
        await mail.DecidedAsync(row, approved: false, approver, remark, cancellationToken);
        return new EditResult(EditStatus.Saved, "Ændringen er sendt tilbage til forfatteren med din bemærkning.") { Slug = row.Slug, VersionNumber = row.VersionNumber };
    }

    private static string Truncate(string text) => text.Length <= DocumentStore.MaxCommentLength ? text : text[..DocumentStore.MaxCommentLength];
}
