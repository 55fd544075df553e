using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Letters;
using Portal.Reviews;

namespace Portal.Governance;

/// <summary>Reads the records the statistics are made from: the audit log's letters and plans, and the review records.</summary>
public sealed class StatisticsSource(IDbContextFactory<PortalDbContext> dbFactory, LetterCatalog letters)
{
    public async Task<IReadOnlyList<LetterFact>> LettersAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var set = letters.Current;
        var entries = await EntriesAsync(AuditActions.LetterGenerated, period, cancellationToken);
        return entries.Select(e => LetterFact.From(e, set.Find)).ToList();
    }

    public Task<IReadOnlyList<AuditEntry>> TransitionPlansAsync(StatisticsPeriod period, CancellationToken cancellationToken = default) =>
        EntriesAsync(AuditActions.TransitionPlanned, period, cancellationToken);

    public async Task<IReadOnlyList<ReviewRecord>> ReviewsAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Reviews.AsNoTracking().ToListAsync(cancellationToken);
        return records.Where(r => period.Contains(r.ReviewedAt)).ToList();
    }

    // SQLite cannot compare DateTimeOffset in SQL: the action (indexed by nothing, but a small share of the log) is
    // filtered there and the period in memory; only the columns the statistics read are loaded, never the user.
    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(string action, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.Action == action)
            .Select(a => new { a.At, a.Target, a.Details })
            .ToListAsync(cancellationToken);
        return rows.Where(r => period.Contains(r.At))
            .Select(r => new AuditEntry { At = r.At, User = "", Action = action, Target = r.Target, Details = r.Details })
            .ToList();
    }
}
