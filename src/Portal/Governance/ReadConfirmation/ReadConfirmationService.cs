using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Documents;
using Portal.Editing;

namespace Portal.Governance;

/// <summary>Read confirmation of material changes: marking on publish, what a user must read, confirming, coverage and reminders.</summary>
public sealed class ReadConfirmationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentCatalog catalog,
    ReaderDirectory directory,
    ReadReminderMail mail,
    AuditLog audit,
    IOptions<ApprovalOptions> approval,
    TimeProvider clock) : IReadConfirmationView
{
    // Every reading page asks for the stamp (its ETag) and whether the document has a material change at all. Both are
    // read once per snapshot and second per node instead of on every request. A confirmation on this node and a new
    // snapshot (every publish, here or on another node) end the copy at once; another node's confirmation ends it
    // within 1 s. The snapshot is compared as an object, not by its time: a test's clock may stand still.
    private static readonly TimeSpan s_marksLifetime = TimeSpan.FromSeconds(1);
    private Marks? _marks;
    private long _generation;

    // Weak: an idle node must not keep a replaced library alive for the sake of this copy.
    private sealed record Marks(long Generation, WeakReference<LibrarySnapshot> Snapshot, long FetchedAt, string Stamp, IReadOnlySet<string> Slugs);

    private IReadOnlyDictionary<string, string> UnitAreas => approval.Value.UnitAreas;

    /// <summary>Saves "væsentlig" with the version being published, in the same transaction; null when the change is not material.</summary>
    public Action<PortalDbContext, StoredDocument, DocumentVersion>? MarkOnPublish(ReadAudience? audience, UserProfile author)
    {
        if (audience is null)
        {
            return null;
        }
        return (db, document, version) =>
        {
            db.Add(new MaterialChange
            {
                DocumentId = document.Id,
                VersionNumber = version.Number,
                AudienceKind = audience.Kind,
                AudienceValue = audience.Value,
                MarkedById = author.Id,
                MarkedAt = clock.GetUtcNow(),
            });
            audit.Add(db, author, AuditActions.MarkMaterialChange, document.Slug, $"Version {version.Number}: {audience.Label}");
        };
    }

    /// <summary>Material changes the user must read and has not confirmed, newest first.</summary>
    public async Task<IReadOnlyList<PendingRead>> PendingForAsync(UserProfile user, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(user.Id))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await db.Set<MaterialChange>().AsNoTracking().ToListAsync(cancellationToken);
        var receipts = await db.Set<ReadReceipt>().AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(cancellationToken);
        var slugs = await SlugsAsync(db, changes.Select(c => c.DocumentId), cancellationToken);
        var reader = Reader.From(user);
        var pending = new List<PendingRead>();
        foreach (var group in changes.GroupBy(c => c.DocumentId))
        {
            if (ReadRules.Required(group, reader, UnitAreas) is { } required
                && !ReadRules.HasConfirmed(required, receipts.Where(r => r.DocumentId == group.Key))
                && slugs.TryGetValue(group.Key, out var slug) && catalog.Current.Find(slug) is { } document)
            {
                pending.Add(new PendingRead(slug, document.Title, required.VersionNumber, required.MarkedAt, required.Audience.Label));
            }
        }
        return pending.OrderByDescending(p => p.MarkedAt).ToList();
    }

    /// <summary>The material change of this document the user must read (confirmed or not), with its diff; null when none concerns them.</summary>
    public async Task<DocumentReadState?> StateForAsync(string slug, UserProfile user, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        if (string.IsNullOrEmpty(user.Id) || !(await MarksAsync(cancellationToken)).Slugs.Contains(slug))
        {
            return null; // the common case, a document without material changes, costs no database round trip
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documentId = await db.Documents.Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (documentId is not { } id)
        {
            return null;
        }
        var changes = await db.Set<MaterialChange>().AsNoTracking().Where(c => c.DocumentId == id).ToListAsync(cancellationToken);
        if (ReadRules.Required(changes, Reader.From(user), UnitAreas) is not { } required)
        {
            return null;
        }
        var confirmedAt = await db.Set<ReadReceipt>().AsNoTracking()
            .Where(r => r.DocumentId == id && r.UserId == user.Id && r.VersionNumber >= required.VersionNumber)
            .OrderBy(r => r.VersionNumber).Select(r => (DateTimeOffset?)r.ConfirmedAt).FirstOrDefaultAsync(cancellationToken);
        // What changed: the marked version against the version published before it.
        var texts = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == id && (v.Number == required.VersionNumber || v.Number < required.VersionNumber && v.State == VersionState.Published))
            .OrderByDescending(v => v.Number).Take(2).Select(v => new { v.Number, v.Content }).ToListAsync(cancellationToken);
        var previous = texts.Count > 1 ? texts[1] : null;
        return new DocumentReadState(slug, required, previous?.Number, VersionDiff.Compute(previous?.Content ?? "", texts[0].Content), confirmedAt);
    }

    /// <summary>"Jeg har læst ændringen" for the signed-in user only; once per version.</summary>
    public async Task<ConfirmResult> ConfirmAsync(string slug, int version, UserProfile user, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        if (string.IsNullOrEmpty(user.Id))
        {
            return new ConfirmResult(ConfirmOutcome.NotRequired, "Du skal være logget ind som dig selv for at bekræfte.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documentId = await db.Documents.Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (documentId is not { } id)
        {
            return new ConfirmResult(ConfirmOutcome.NotRequired, $"Der er intet dokument med adressen '{slug}'.");
        }
        var changes = await db.Set<MaterialChange>().AsNoTracking().Where(c => c.DocumentId == id).ToListAsync(cancellationToken);
        var receipts = await db.Set<ReadReceipt>().AsNoTracking().Where(r => r.DocumentId == id && r.UserId == user.Id).ToListAsync(cancellationToken);
        var outcome = ReadRules.Decide(changes, receipts, Reader.From(user), version, UnitAreas);
        switch (outcome)
        {
            case ConfirmOutcome.NotRequired:
                return new ConfirmResult(outcome, $"Version {version} er ikke en væsentlig ændring, du skal bekræfte.");
            case ConfirmOutcome.Outdated:
                return new ConfirmResult(outcome, "Der er kommet en nyere væsentlig ændring. Læs den nye version, og bekræft den.");
            case ConfirmOutcome.AlreadyConfirmed:
                return new ConfirmResult(outcome, "Du har allerede bekræftet, at du har læst ændringen.");
        }
        db.Add(new ReadReceipt { UserId = user.Id, DocumentId = id, VersionNumber = version, ConfirmedAt = clock.GetUtcNow() });
        audit.Add(db, user, AuditActions.ConfirmRead, slug, $"Version {version}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            Forget();
            // A double click from two tabs: the unique index keeps one row, which is what the user asked for.
            return new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, "Du har allerede bekræftet, at du har læst ændringen.");
        }
        Forget();
        return new ConfirmResult(outcome, "Tak. Du har bekræftet, at du har læst ændringen.");
    }

    /// <summary>The tovholder of the document and coordinators see who has confirmed.</summary>
    public static bool CanSeeCoverage(UserProfile user, LibraryDocument document) =>
        user.IsCoordinator || !string.IsNullOrWhiteSpace(user.Email) && string.Equals(document.Owner.Email, user.Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>Coverage of every document with a material change (or of one), newest change first.</summary>
    public async Task<IReadOnlyList<DocumentCoverage>> CoverageAsync(string? slug = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<MaterialChange>().AsNoTracking();
        if (slug is not null)
        {
            var normalized = DocumentStore.Normalize(slug);
            query = query.Where(c => db.Documents.Any(d => d.Id == c.DocumentId && d.Slug == normalized));
        }
        var changes = await query.ToListAsync(cancellationToken);
        var ids = changes.Select(c => c.DocumentId).Distinct().ToList();
        var receipts = await db.Set<ReadReceipt>().AsNoTracking().Where(r => ids.Contains(r.DocumentId)).ToListAsync(cancellationToken);
        var slugs = await SlugsAsync(db, ids, cancellationToken);
        var readers = directory.All();
        var result = new List<DocumentCoverage>();
        foreach (var group in changes.GroupBy(c => c.DocumentId))
        {
            if (!slugs.TryGetValue(group.Key, out var documentSlug) || catalog.Current.Find(documentSlug) is not { } document)
            {
                continue;
            }
            var statuses = new List<ReaderStatus>();
            foreach (var reader in readers)
            {
                if (ReadRules.Required(group, reader, UnitAreas) is { } required)
                {
                    var confirmed = receipts.Where(r => r.DocumentId == group.Key && r.UserId == reader.Id && r.VersionNumber >= required.VersionNumber)
                        .Select(r => (DateTimeOffset?)r.ConfirmedAt).Min();
                    statuses.Add(new ReaderStatus(reader, required.VersionNumber, confirmed));
                }
            }
            result.Add(new DocumentCoverage(documentSlug, document.Title, document.Owner.Name, group.MaxBy(c => c.VersionNumber)!,
                statuses.OrderBy(s => s.Reader.Name, StringComparer.Create(DanishFormat.Culture, false)).ToList()));
        }
        return result.OrderByDescending(c => c.Latest.MarkedAt).ToList();
    }

    /// <summary>One mail to each reader who has not confirmed the document's material change; one audit entry.</summary>
    public async Task<ReminderResult> RemindAsync(string slug, UserProfile sender, CancellationToken cancellationToken = default)
    {
        if (catalog.Current.Find(DocumentStore.Normalize(slug)) is not { } document)
        {
            return new ReminderResult(false, 0, $"Der er intet dokument med adressen '{slug}'.", "afvist");
        }
        if (!CanSeeCoverage(sender, document))
        {
            return new ReminderResult(false, 0, "Kun dokumentets tovholder og koordinatorer kan sende påmindelser.", "afvist");
        }
        var coverage = (await CoverageAsync(document.Slug, cancellationToken)).FirstOrDefault();
        var missing = coverage?.Missing.Select(s => s.Reader).Where(r => !string.IsNullOrWhiteSpace(r.Email)).ToList() ?? [];
        if (missing.Count == 0)
        {
            return new ReminderResult(true, 0, ReminderResult.MessageFor("alle-har-laest", 0)!, "alle-har-laest");
        }
        if (!mail.Enabled)
        {
            return new ReminderResult(false, 0, ReminderResult.MessageFor("ingen-mail", 0)!, "ingen-mail");
        }
        var sent = 0;
        foreach (var reader in missing)
        {
            sent += await mail.SendAsync(reader, document, coverage!.Latest.VersionNumber, cancellationToken) ? 1 : 0;
        }
        await audit.WriteAsync(sender, AuditActions.ReadReminder, document.Slug, DanishFormat.Count(sent, "påmindelse", "påmindelser"), cancellationToken);
        var failed = missing.Count - sent;
        return new ReminderResult(sent > 0, sent, ReminderResult.MessageFor(sent > 0 ? "sendt" : "fejl", sent) +
            (failed > 0 && sent > 0 ? $" {DanishFormat.Count(failed, "mail", "mails")} kunne ikke sendes; prøv igen senere." : ""), sent > 0 ? "sendt" : "fejl");
    }

    /// <summary>A stamp that changes with every mark and confirmation, for the reading pages' ETag.</summary>
    public async Task<string> StampAsync(CancellationToken cancellationToken = default) => (await MarksAsync(cancellationToken)).Stamp;

    /// <summary>Whether the document has a material change (so its page shows each reader their own read state).</summary>
    public async Task<bool> HasMaterialChangeAsync(string slug, CancellationToken cancellationToken = default) =>
        (await MarksAsync(cancellationToken)).Slugs.Contains(DocumentStore.Normalize(slug));

    private async Task<Marks> MarksAsync(CancellationToken cancellationToken)
    {
        var snapshot = catalog.Current;
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _marks) is { } known && known.Generation == generation && known.Snapshot.TryGetTarget(out var seen) && ReferenceEquals(seen, snapshot)
            && clock.GetElapsedTime(known.FetchedAt) < s_marksLifetime)
        {
            return known;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var marks = await db.Set<MaterialChange>().MaxAsync(c => (int?)c.Id, cancellationToken);
        var reads = await db.Set<ReadReceipt>().MaxAsync(r => (int?)r.Id, cancellationToken);
        var slugs = await db.Documents.Where(d => db.Set<MaterialChange>().Any(c => c.DocumentId == d.Id)).Select(d => d.Slug).ToListAsync(cancellationToken);
        var fresh = new Marks(generation, new WeakReference<LibrarySnapshot>(snapshot), clock.GetTimestamp(), $"{marks}:{reads}", slugs.ToHashSet(StringComparer.Ordinal));
        // A confirmation that ended the copy while this read ran keeps its generation: this older read is not kept.
        if (Interlocked.Read(ref _generation) == generation)
        {
            Volatile.Write(ref _marks, fresh);
        }
        return fresh;
    }

    private void Forget() => Interlocked.Increment(ref _generation);

    private static Task<Dictionary<int, string>> SlugsAsync(PortalDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Documents.AsNoTracking().Where(d => list.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Slug, cancellationToken);
    }
}
