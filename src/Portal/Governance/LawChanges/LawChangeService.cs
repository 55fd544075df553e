using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Reviews;

namespace Portal.Governance;

public sealed record LawChangeInput(string Paragraphs, DateOnly? InForce, string Description, string? Link);

public sealed record LawChangeResult(bool Succeeded, string Message, int? Id = null, int Flagged = 0, int OwnersMailed = 0);

public sealed record FlaggedDocument(string Slug, string Title, string OwnerName, bool Done);

public sealed record LawChangeSummary(int Id, string Paragraphs, DateOnly InForce, string Description, string? Link, DateTimeOffset RegisteredAt, IReadOnlyList<FlaggedDocument> Documents)
{
    public int Flagged => Documents.Count;
    public int Done => Documents.Count(d => d.Done);
}

/// <summary>Registers law changes, flags every document citing an affected paragraph, and mails each tovholder once per change.</summary>
public sealed class LawChangeService(IDbContextFactory<PortalDbContext> dbFactory, ContentCatalog catalog, AuditLog audit, IMailSender mail,
    TimeProvider clock, ILogger<LawChangeService> logger)
{
    public const string AlreadyRegistered = "Lovændringen er allerede registreret med de samme paragraffer og den samme ikrafttrædelsesdato.";

    public const string UnknownParagraphs = "Lovhenvisningen blev ikke genkendt. Skriv fx \"Serviceloven § 100\" eller \"Barnets Lov §§ 86-87\".";

    public async Task<LawChangeResult> RegisterAsync(LawChangeInput input, UserProfile user, CancellationToken cancellationToken = default)
    {
        var snapshot = catalog.Current;
        var paragraphs = LawChangeMatcher.Paragraphs(snapshot.Laws, input.Paragraphs ?? "");
        if (paragraphs.Count == 0)
        {
            return new(false, UnknownParagraphs);
        }
        if (input.InForce is not { } inForce)
        {
            return new(false, "Angiv datoen, hvor ændringen træder i kraft.");
        }
        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Length > 1000)
        {
            return new(false, "Beskriv ændringen kort (højst 1000 tegn).");
        }
        var link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim();
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            return new(false, "Linket skal være en webadresse, der begynder med https://.");
        }
        await using (var lookup = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var text = input.Paragraphs!.Trim();
            if (await lookup.Set<LawChange>().AnyAsync(c => c.Paragraphs == text && c.InForce == inForce, cancellationToken))
            {
                return new(false, AlreadyRegistered);
            }
        }
        var affected = LawChangeMatcher.Affected(snapshot, paragraphs);
        var change = new LawChange
        {
            Paragraphs = input.Paragraphs!.Trim(),
            InForce = inForce,
            Description = input.Description.Trim(),
            Link = link,
            RegisteredAt = clock.GetUtcNow(),
            RegisteredBy = user.Name,
            Flags = affected.Select(d => new LawChangeFlag { Slug = d.Slug, OwnerKey = d.Owner.Key }).ToList(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(change);
            audit.Add(db, user, AuditActions.RegisterLawChange, change.Paragraphs, $"{DanishFormat.Count(affected.Count, "dokument", "dokumenter")} markeret: {change.Description}");
            await db.SaveChangesAsync(cancellationToken);
        }
        var mailed = await MailOwnersAsync(change, affected, cancellationToken);
        return new(true, $"Lovændringen er registreret. {DanishFormat.Count(affected.Count, "dokument", "dokumenter")} er markeret \"lovændring – skal gennemgås\".", change.Id, affected.Count, mailed);
    }

    public async Task<IReadOnlyList<LawChangeSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await db.Set<LawChange>().AsNoTracking().Include(c => c.Flags).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        var snapshot = catalog.Current;
        return changes.Select(c => new LawChangeSummary(c.Id, c.Paragraphs, c.InForce, c.Description, c.Link, c.RegisteredAt,
            c.Flags.OrderBy(f => f.Slug, StringComparer.Ordinal).Select(f => snapshot.Find(f.Slug) is { } d
                ? new FlaggedDocument(f.Slug, d.Title, d.Owner.Name, IsDone(d, c))
                : new FlaggedDocument(f.Slug, f.Slug, f.OwnerKey, true)).ToList())).ToList();
    }

    /// <summary>The review dashboard's "lovændring – skal gennemgås": flags not yet cleared, per document.</summary>
    public async Task<IReadOnlyList<(FlaggedDocument Document, LawChangeSummary Change)>> OpenFlagsAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SelectMany(c => c.Documents.Where(d => !d.Done).Select(d => (d, c))).ToList();

    // A review records a new published version, so "reviewed or changed after the registration" is one test.
    public static bool IsDone(LibraryDocument document, LawChange change) => document.ChangedAt > change.RegisteredAt;

    private async Task<int> MailOwnersAsync(LawChange change, IReadOnlyList<LibraryDocument> affected, CancellationToken cancellationToken)
    {
        if (!mail.Enabled)
        {
            return 0;
        }
        var sent = 0;
        foreach (var owner in affected.GroupBy(d => d.Owner.Key).Select(g => (Owner: g.First().Owner, Documents: g.ToList())).Where(o => !string.IsNullOrWhiteSpace(o.Owner.Email)))
        {
            var list = string.Join("\n", owner.Documents.Select(d => $"- {d.Title} ({MarkdownRenderer.DocumentRoute}{d.Slug})"));
            try
            {
                await mail.SendAsync(new OutgoingMail(owner.Owner.Name, owner.Owner.Email, $"Lovændring – skal gennemgås: {change.Paragraphs}",
                    $"Hej {owner.Owner.Name}\n\nEn lovændring er registreret: {change.Paragraphs}, i kraft {DanishFormat.Date(change.InForce)}.\n{change.Description}\n" +
                    (change.Link is null ? "" : change.Link + "\n") + $"\nDisse dokumenter, som du er tovholder for, henviser til de ændrede paragraffer og skal gennemgås:\n{list}\n\nHandicapportalen"), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Mail om lovændring til {Owner} kunne ikke sendes", owner.Owner.Key);
            }
        }
        return sent;
    }
}
