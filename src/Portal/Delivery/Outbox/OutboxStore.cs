using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;

namespace Portal.Delivery;

/// <summary>A letter ready to queue: the final document, the MeMo message and who sends it where.</summary>
public sealed record QueuedLetter(Guid LetterId, FinalDocument Document, byte[] Memo, string Label, string CaseNumber, UserProfile SentBy);

/// <summary>Status of one letter in the outbox, per destination, without its payload.</summary>
public sealed record OutboxView(Guid LetterId, string Label, string CaseNumber, string Template, string SentBy, DateTimeOffset CreatedAt, IReadOnlyList<DestinationView> Destinations)
{
    public string Status => Destinations.All(d => d.Status == OutboxStatus.Delivered) ? "leveret"
        : Destinations.Any(d => d.Status == OutboxStatus.Failed) ? "fejlet"
        : Destinations.Any(d => d.Status == OutboxStatus.Cancelled) ? "annulleret" : "afventer";
}

public sealed record DestinationView(long Id, string Destination, OutboxStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError, string? Receipt)
{
    public string Label => Destinations.Label(Destination);

    public string StatusText => Status switch
    {
        OutboxStatus.Delivered => "Leveret",
        OutboxStatus.Failed => "Fejlet",
        OutboxStatus.Cancelled => "Annulleret",
        _ => Attempts == 0 ? "Venter" : $"Prøver igen (forsøg {Attempts + 1})",
    };
}

/// <summary>
/// The outbox's one writer: queues a letter (its rows and the audit entry in one transaction), and retries or cancels.
/// The audit never holds the CPR number: only template, version, manifest hash, destinations and outcome.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider clock, OutboxSignal signal)
{
    public async Task QueueAsync(QueuedLetter letter, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var manifest = letter.Document.Manifest;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var (destination, payload, file) in new[]
        {
            (Destinations.DigitalPost, letter.Memo, Path.ChangeExtension(letter.Document.FileName, ".xml")),
            (Destinations.Journal, letter.Document.Pdf, letter.Document.FileName),
        })
        {
            db.Outbox.Add(new OutboxMessage
            {
                LetterId = letter.LetterId,
                Destination = destination,
                IdempotencyKey = $"{letter.LetterId:N}:{destination}",
                Status = OutboxStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
                Payload = payload,
                FileName = file,
                Label = letter.Label,
                CaseNumber = letter.CaseNumber,
                Template = manifest.Template,
                TemplateVersion = manifest.Version,
                ManifestHash = manifest.Hash,
                SentById = letter.SentBy.Id,
                SentBy = letter.SentBy.AuditName,
            });
        }
        audit.Add(db, letter.SentBy, AuditActions.LetterQueued, manifest.Template, Details(letter.LetterId, manifest.Template, manifest.Version, manifest.Hash, null, "i-kø"));
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }

    public static string Details(Guid letterId, string template, int version, string manifestHash, string? destination, string outcome) =>
        JsonSerializer.Serialize(new { brev = letterId, template, version, manifest = manifestHash, destination, outcome });

    public async Task<OutboxView?> FindAsync(Guid letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.LetterId == letterId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : View(rows);
    }

    /// <summary>Letters not yet delivered everywhere (and the last delivered ones), newest first; optionally one sender's.</summary>
    public async Task<IReadOnlyList<OutboxView>> ListAsync(string? sentById, bool onlyProblems, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Outbox.AsNoTracking();
        if (sentById is not null)
        {
            query = query.Where(m => m.SentById == sentById);
        }
        if (onlyProblems)
        {
            var problemLetters = query.Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0)).Select(m => m.LetterId);
            query = query.Where(m => problemLetters.Contains(m.LetterId));
        }
        var rows = await query.OrderByDescending(m => m.Id).Take(take * 2).ToListAsync(cancellationToken);
        return rows.GroupBy(m => m.LetterId).Select(g => View(g.OrderBy(m => m.Id).ToList())).OrderByDescending(v => v.CreatedAt).Take(take).ToList();
    }

    public async Task<bool> RetryAsync(long id, UserProfile user, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, user, OutboxStatus.Failed, AuditActions.LetterRetried, m =>
        {
            m.Status = OutboxStatus.Pending;
            m.Attempts = 0;
            m.NextAttemptAt = clock.GetUtcNow();
        }, cancellationToken);

    public async Task<bool> CancelAsync(long id, UserProfile user, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, user, null, AuditActions.LetterCancelled, m =>
        {
            m.Status = OutboxStatus.Cancelled;
            m.Payload = null;
        }, cancellationToken);

    private async Task<bool> ChangeAsync(long id, UserProfile user, OutboxStatus? from, string action, Action<OutboxMessage> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Outbox.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null || row.Status is OutboxStatus.Delivered or OutboxStatus.Cancelled || (from is { } f && row.Status != f))
        {
            return false;
        }
        change(row);
        audit.Add(db, user, action, row.Template, Details(row.LetterId, row.Template, row.TemplateVersion, row.ManifestHash, row.Destination, action));
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return true;
    }

    private static OutboxView View(List<OutboxMessage> rows)
    {
        var first = rows[0];
        return new OutboxView(first.LetterId, first.Label, first.CaseNumber, first.Template, first.SentBy, first.CreatedAt,
            rows.Select(m => new DestinationView(m.Id, m.Destination, m.Status, m.Attempts, m.NextAttemptAt, m.DeliveredAt, m.LastError, m.Receipt)).ToList());
    }

    internal static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

/// <summary>Wakes the worker when a letter is queued, so it does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
