using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;

namespace Portal.Documents;

public sealed record RewriteResult(int Changed, IReadOnlyList<string> Skipped);

public sealed partial class DocumentStore
{
    /// <summary>Creates a document with its first version as a draft (validated by the caller's rules and the import's).</summary>
    public async Task<EditResult> CreateAsync(string slug, string text, string comment, string auditDetails, UserProfile user, CancellationToken cancellationToken = default)
    {
        if (DocumentSlug.Problem(slug) is { } problem)
        {
            return EditResult.Invalid([new FieldError("filnavn", 0, problem)]);
        }
        var validation = validator.Validate(slug, text);
        if (!validation.IsValid)
        {
            return EditResult.Invalid(validation.Errors);
        }
        return await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await AddressTakenAsync(db, slug, ct) is { } taken)
            {
                return EditResult.Invalid([new FieldError("filnavn", 0, taken)]);
            }
            var now = clock.GetUtcNow();
            var document = new StoredDocument { Slug = slug, CreatedAt = now, UpdatedAt = now };
            db.Documents.Add(document);
            var version = AddVersion(db, document, text, comment, VersionState.Draft, VersionSource.Editor, user, now);
            audit.Add(db, user, AuditActions.Create, slug, auditDetails);
            await db.SaveChangesAsync(ct);
            return new EditResult(EditStatus.Saved, $"Dokumentet er oprettet som kladde på adressen {slug}. Udgiv det, når det er klar.")
            {
                Slug = slug,
                VersionNumber = version.Number,
                Stamp = document.ConcurrencyStamp,
                Warnings = validation.Warnings,
            };
        }, rebuild: false, cancellationToken);
    }

    /// <summary>
    /// Moves a document to a new address: history follows, the old address redirects (chains flattened), and the
    /// file is moved in content/ through the outbox.
    /// </summary>
    public async Task<EditResult> MoveAsync(string from, string to, Guid expectedStamp, UserProfile user, CancellationToken cancellationToken = default) =>
        DocumentSlug.Problem(to) is { } problem
            ? EditResult.Invalid([new FieldError("adresse", 0, problem)])
            : await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Slug == from, ct);
            if (document is null)
            {
                return EditResult.NotFound(from);
            }
            if (document.ConcurrencyStamp != expectedStamp)
            {
                return new EditResult(EditStatus.Conflict, "Dokumentet er ændret, mens du havde det åbent. Genindlæs siden og prøv igen.") { Slug = from, Stamp = document.ConcurrencyStamp };
            }
            if (await db.ContentConflicts.AnyAsync(c => c.DocumentId == document.Id && c.ResolvedAt == null, ct))
            {
                return EditResult.Refused("Dokumentet har en åben konflikt mellem disken og portalen. Løs den, før du flytter dokumentet.");
            }
            // The address may be an old address of this very document (moving back).
            var ownRedirect = await db.DocumentRedirects.FirstOrDefaultAsync(r => r.FromSlug == to && r.ToSlug == from, ct);
            if (ownRedirect is not null)
            {
                db.DocumentRedirects.Remove(ownRedirect);
            }
            else if (await AddressTakenAsync(db, to, ct) is { } taken)
            {
                return EditResult.Invalid([new FieldError("adresse", 0, taken)]);
            }

            var now = clock.GetUtcNow();
            foreach (var older in await db.DocumentRedirects.Where(r => r.ToSlug == from).ToListAsync(ct))
            {
                older.ToSlug = to; // flatten chains: every old address points straight at the newest
            }
            db.DocumentRedirects.Add(new DocumentRedirect { FromSlug = from, ToSlug = to, CreatedAt = now, CreatedBy = user.Name });
            db.PendingFileWrites.RemoveRange(await db.PendingFileWrites.Where(p => p.DocumentId == document.Id).ToListAsync(ct));

            document.Slug = to;
            document.UpdatedAt = now;
            document.ConcurrencyStamp = Guid.NewGuid();
            if (document.PublishedVersionNumber is { } published)
            {
                var text = await db.DocumentVersions.Where(v => v.DocumentId == document.Id && v.Number == published).Select(v => v.Content).FirstAsync(ct);
                ContentOutbox.EnqueueDelete(db, document, from, document.DiskHash, now);
                document.DiskHash = null; // nothing is expected at the new address yet
                await ContentOutbox.EnqueueWriteAsync(db, document, text, now, ct);
            }
            audit.Add(db, user, AuditActions.Move, to, $"Flyttet fra {from}");
            await db.SaveChangesAsync(ct);
            await redirects.LoadAsync(ct);
            var file = document.PublishedVersionNumber is null ? FileStatus.NotWritten : await FlushAsync(document.Id, ct);
            return new EditResult(EditStatus.Saved, $"Dokumentet er flyttet til {to}. Gamle links til {from} sendes videre.")
            {
                Slug = to,
                Stamp = document.ConcurrencyStamp,
                File = file,
            };
        }, rebuild: true, cancellationToken);

    /// <summary>
    /// Rewrites the published version and newest draft of each document (e.g. a new tovholder) as new versions, in one
    /// transaction. A document any of whose rewritten texts is invalid, or whose current texts
    /// <paramref name="applies"/> rejects, is skipped as a whole.
    /// </summary>
    public async Task<RewriteResult> RewriteAsync(IEnumerable<string> slugs, Func<IReadOnlyList<string>, bool> applies, Func<string, string> rewrite,
        string comment, string auditAction, UserProfile user, CancellationToken cancellationToken = default)
    {
        var skipped = new List<string>();
        var changed = 0;
        await synchronizer.ChangeAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var slug in slugs.Distinct())
            {
                var document = await db.Documents.FirstOrDefaultAsync(d => d.Slug == slug, ct);
                var versions = document is null ? [] : await db.DocumentVersions.AsNoTracking()
                    .Where(v => v.DocumentId == document.Id && (v.Number == document.LatestVersionNumber || v.Number == document.PublishedVersionNumber))
                    .OrderBy(v => v.Number).ToListAsync(ct);
                var rewritten = versions.Select(v => (Version: v, Text: rewrite(v.Content))).ToList();
                if (document is null || rewritten.Count == 0 || !applies(versions.Select(v => v.Content).ToList())
                    || rewritten.Any(c => !validator.Validate(slug, c.Text).IsValid))
                {
                    skipped.Add(slug);
                    continue;
                }
                foreach (var (version, text) in rewritten)
                {
                    var published = version.Number == document.PublishedVersionNumber;
                    AddVersion(db, document, text, comment, published ? VersionState.Published : VersionState.Draft, VersionSource.Editor, user, now);
                    if (published)
                    {
                        document.PublishedVersionNumber = document.LatestVersionNumber;
                        await ContentOutbox.EnqueueWriteAsync(db, document, text, now, ct);
                    }
                }
                audit.Add(db, user, auditAction, slug, comment);
                changed++;
            }
            await db.SaveChangesAsync(ct);
            await outbox.FlushAsync(ct);
            return changed;
        }, rebuild: true, cancellationToken);
        return new RewriteResult(changed, skipped);
    }

    /// <summary>Why an address cannot be used for a new or moved document, or null when it is free.</summary>
    private async Task<string?> AddressTakenAsync(PortalDbContext db, string slug, CancellationToken cancellationToken)
    {
        if (await db.Documents.AnyAsync(d => d.Slug == slug, cancellationToken))
        {
            return $"Der findes allerede et dokument med adressen '{slug}' (måske fjernet fra disken, men med historik).";
        }
        if (File.Exists(ContentPaths.Resolve(root.Path, slug)))
        {
            return $"Filen '{slug}.md' findes allerede i content/.";
        }
        if (redirects.Resolve(slug) is { } target)
        {
            return $"Adressen '{slug}' bruges til at sende gamle links videre til '{target}'. Vælg en anden.";
        }
        return null;
    }
}
