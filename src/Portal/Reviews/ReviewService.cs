using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Documents;

namespace Portal.Reviews;

/// <summary>
/// "Markér som gennemgået": a new published version whose only change is the next review date, with the
/// reviewer and date on the version and in a review record.
/// </summary>
public sealed class ReviewService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DocumentStore store,
    IOptions<ReviewOptions> options,
    TimeProvider clock)
{
    public async Task<EditResult> MarkReviewedAsync(string? slug, UserProfile user, string? comment = null, CancellationToken cancellationToken = default)
    {
        slug = DocumentStore.Normalize(slug);
        var document = await store.LoadAsync(slug, cancellationToken);
        if (document?.Published is not { } published)
        {
            return EditResult.NotFound(slug);
        }
        var split = DocumentText.Split(published.Content);
        var frontMatter = FrontMatterReader.Read(published.Content, slug + ".md").FrontMatter;
        if (frontMatter is null)
        {
            return EditResult.Refused("Dokumentets front matter kan ikke læses. Ret dokumentet i editoren først.");
        }
        var type = DocumentTypes.Of(frontMatter, slug);
        var today = clock.Today();
        var next = options.Value.NextReviewDate(type, today);
        _ = DateOnly.TryParseExact(frontMatter.GetString(FrontMatterKeys.ReviewDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var previous);
        var text = (split with { FrontMatter = FrontMatterEditor.Set(split.FrontMatter, FrontMatterKeys.ReviewDate, Iso(next)) }).Compose();
        var note = $"Gennemgået af {user.Name} {DanishFormat.Date(today)}. Næste revision senest {DanishFormat.Date(next)}."
            + (string.IsNullOrWhiteSpace(comment) ? "" : " " + comment.Trim());

        return await store.MarkReviewedAsync(document.Slug, text, document.Stamp, note, user,
            (db, stored, version) => db.Reviews.Add(new ReviewRecord
            {
                DocumentId = stored.Id,
                Slug = stored.Slug,
                ReviewedAt = clock.GetUtcNow(),
                Reviewer = user.Name,
                PreviousReviewDate = previous,
                NextReviewDate = next,
                VersionNumber = version.Number,
            }), cancellationToken);
    }

    /// <summary>The newest review of each document (slug → record).</summary>
    public async Task<IReadOnlyDictionary<string, ReviewRecord>> LastReviewsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Reviews.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.VersionNumber).First(), StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyList<ReviewRecord>> HistoryAsync(string slug, CancellationToken cancellationToken = default)
    {
        slug = slug.Trim('/').ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Reviews.AsNoTracking().Where(r => r.Slug == slug).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.VersionNumber).ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
