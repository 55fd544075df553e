using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;

namespace Portal.Delivery;

/// <summary>
/// Delivers due outbox rows to their destinations. A row is marked delivered only after its receiver accepted it; a
/// crash in between makes the next attempt repeat the same idempotency key, which the receiver recognises. Failures
/// back off exponentially; after MaxAttempts (or at once for a permanent error) the row is failed for a person to act on.
/// </summary>
public sealed class OutboxWorker(
    IDbContextFactory<PortalDbContext> dbFactory, DeliveryAdapters adapters, AuditLog audit, TimeProvider clock,
    OutboxSignal signal, IOptions<DeliveryOptions> options, ILogger<OutboxWorker> logger, ContentLease? lease = null) : BackgroundService
{
    public static readonly UserProfile System = new("system:udbakke", "Udbakken", "");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered;
            try
            {
                delivered = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Udbakken kunne ikke behandle forsendelserne");
                delivered = 0;
            }
            if (delivered == 0)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.Outbox.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Delivers the rows due now (a batch); returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (lease is { IsHeld: false })
        {
            // Several nodes: only the holder of the content lease delivers, so two workers never pick the same row.
            // A handover mid-delivery is covered by the idempotency key the receivers see.
            return 0;
        }
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(cancellationToken);
        }
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (id, token) => await DeliverAsync(id, token));
        await PurgeAsync(cancellationToken);
        return due.Count;
    }

    private async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Outbox.FirstOrDefaultAsync(m => m.Id == id && m.Status == OutboxStatus.Pending, cancellationToken);
        if (row?.Payload is null)
        {
            return;
        }
        var item = new DeliveryItem(row.IdempotencyKey, row.LetterId, row.Payload, row.FileName, row.Label, row.CaseNumber);
        row.Attempts++;
        try
        {
            row.Receipt = await adapters.For(row.Destination).DeliverAsync(item, cancellationToken);
            row.Status = OutboxStatus.Delivered;
            row.DeliveredAt = clock.GetUtcNow();
            row.LastError = null;
            // The CPR number (in the MeMo message) and the PDF leave the database once delivered; only the journal
            // copy may be kept for the configured retention.
            if (row.Destination != Destinations.Journal || options.Value.Outbox.PdfRetentionDays <= 0)
            {
                row.Payload = null;
            }
            audit.Add(db, System, AuditActions.LetterDelivered, row.Template, OutboxStore.Details(row.LetterId, row.Template, row.TemplateVersion, row.ManifestHash, row.Destination, "leveret"));
        }
        catch (DeliveryException ex)
        {
            row.LastError = ex.Message;
            var outbox = options.Value.Outbox;
            if (ex.Permanent || row.Attempts >= outbox.MaxAttempts)
            {
                row.Status = OutboxStatus.Failed;
                audit.Add(db, System, AuditActions.LetterDeliveryFailed, row.Template, OutboxStore.Details(row.LetterId, row.Template, row.TemplateVersion, row.ManifestHash, row.Destination, "fejlet"));
            }
            else
            {
                var delay = Math.Min(outbox.MaxRetrySeconds, outbox.FirstRetrySeconds * Math.Pow(2, row.Attempts - 1));
                row.NextAttemptAt = clock.GetUtcNow().AddSeconds(delay * (0.8 + Random.Shared.NextDouble() * 0.4));
            }
            logger.LogWarning("Forsendelse {Id} til {Destination} fejlede (forsøg {Attempt}): {Error}", row.Id, row.Destination, row.Attempts, ex.Message);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    // Journal PDFs kept for the retention period are deleted after it.
    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.Outbox.PdfRetentionDays;
        if (days <= 0)
        {
            return;
        }
        var before = clock.GetUtcNow().AddDays(-days);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.Outbox.Where(m => m.Status == OutboxStatus.Delivered && m.Payload != null && m.DeliveredAt < before).ToListAsync(cancellationToken);
        expired.ForEach(m => m.Payload = null);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The configured adapter per destination ("fil" by default; "sf1601" for Digital Post, "rest" for the journal).</summary>
public sealed class DeliveryAdapters
{
    private readonly Dictionary<string, IDeliveryAdapter> _byDestination;

    public DeliveryAdapters(IOptions<DeliveryOptions> options, IHttpClientFactory http, IHostEnvironment environment, TimeProvider clock)
    {
        var o = options.Value;
        string Folder(string path) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
        IDeliveryAdapter post = o.DigitalPost.Adapter.ToLowerInvariant() switch
        {
            "sf1601" => new Sf1601Adapter(http.CreateClient(DeliveryExtensions.Sf1601Client), o.DigitalPost, clock),
            _ => new FolderAdapter(Destinations.DigitalPost, Folder(o.DigitalPost.Folder), ".xml"),
        };
        IDeliveryAdapter journal = o.Journal.Adapter.ToLowerInvariant() switch
        {
            "rest" => new RestJournalAdapter(http.CreateClient(DeliveryExtensions.JournalClient), o.Journal),
            _ => new FolderAdapter(Destinations.Journal, Folder(o.Journal.Folder), ".pdf"),
        };
        _byDestination = new() { [post.Destination] = post, [journal.Destination] = journal };
    }

    public IDeliveryAdapter For(string destination) => _byDestination[destination];
}
