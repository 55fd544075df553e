using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Data;

namespace Portal.Reviews;

public sealed record PlannedReminder(LibraryDocument Document, ReminderStage Stage);

/// <summary>Which documents are due a reminder today: once before the date, once when it has passed.</summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<PlannedReminder> Plan(IEnumerable<LibraryDocument> documents, DateOnly today, int daysBefore,
        IReadOnlySet<(string Slug, ReminderStage Stage, DateOnly ReviewDate)> alreadySent)
    {
        var result = new List<PlannedReminder>();
        foreach (var document in documents)
        {
            ReminderStage? stage = document.ReviewDate < today ? ReminderStage.Overdue
                : document.ReviewDate <= today.AddDays(daysBefore) ? ReminderStage.DueSoon
                : null;
            if (stage is { } s && !alreadySent.Contains((document.Slug, s, document.ReviewDate)))
            {
                result.Add(new PlannedReminder(document, s));
            }
        }
        return result;
    }
}

public sealed record ReminderRunResult(int MailsSent, int Reminders, int Messages, int Failed);

/// <summary>
/// Sends due review reminders (one mail per tovholder listing their documents) and caseworkers' messages
/// not yet mailed, and records what was sent so nothing is sent twice.
/// </summary>
public sealed class ReminderJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentCatalog catalog,
    IMailSender mail,
    IOptions<ReviewOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<ReminderJob> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ReminderRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!mail.Enabled)
        {
            return new ReminderRunResult(0, 0, 0, 0);
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (sent, reminders, failed) = await SendRemindersAsync(cancellationToken);
            var (messageMails, messageFailures) = await SendMessagesAsync(cancellationToken);
            return new ReminderRunResult(sent + messageMails, reminders, messageMails, failed + messageFailures);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(int Mails, int Reminders, int Failed)> SendRemindersAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sent = (await db.SentReminders.AsNoTracking().Select(r => new { r.Slug, r.Stage, r.ReviewDate }).ToListAsync(cancellationToken))
            .Select(r => (r.Slug, r.Stage, r.ReviewDate)).ToHashSet();
        var today = clock.Today();
        var planned = ReminderPlanner.Plan(catalog.Current.Documents, today, options.Value.ReminderDaysBefore, sent);
        int mails = 0, reminders = 0, failed = 0;
        foreach (var group in planned.GroupBy(p => p.Document.Owner.Key))
        {
            var owner = group.First().Document.Owner;
            if (string.IsNullOrWhiteSpace(owner.Email))
            {
                logger.LogWarning("Tovholderen {Owner} har ingen e-mail i tovholdere.yml; påmindelser kan ikke sendes", owner.Key);
                continue;
            }
            try
            {
                await mail.SendAsync(ReminderMail(owner, group.ToList(), today), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogError(ex, "Påmindelse til {Email} kunne ikke sendes; forsøges igen ved næste kørsel", owner.Email);
                continue;
            }
            mails++;
            foreach (var p in group)
            {
                db.SentReminders.Add(new SentReminder { Slug = p.Document.Slug, Stage = p.Stage, ReviewDate = p.Document.ReviewDate, OwnerKey = owner.Key, To = owner.Email, SentAt = clock.GetUtcNow() });
                reminders++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return (mails, reminders, failed);
    }

    private async Task<(int Sent, int Failed)> SendMessagesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.OwnerMessages.Where(m => m.MailedAt == null && m.HandledAt == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        int sentCount = 0, failed = 0;
        foreach (var message in pending)
        {
            var owner = catalog.Current.Roster.Find(message.OwnerKey);
            if (owner is null || string.IsNullOrWhiteSpace(owner.Email))
            {
                continue;
            }
            // Claim it first (one conditional update): a feedback request or another run that got there first sends it.
            if (!await FeedbackService.TryClaimMailAsync(db, message.Id, clock.GetUtcNow(), cancellationToken))
            {
                continue;
            }
            try
            {
                await mail.SendAsync(FeedbackService.MessageMail(owner, message, catalog.Current.Find(message.Slug)?.Title ?? message.Slug, smtp.Value.PortalUrl), cancellationToken);
                sentCount++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogError(ex, "Besked {Id} til {Email} kunne ikke sendes", message.Id, owner.Email);
                await FeedbackService.ReleaseMailClaimAsync(db, message.Id);
            }
        }
        return (sentCount, failed);
    }

    private OutgoingMail ReminderMail(Owner owner, IReadOnlyList<PlannedReminder> items, DateOnly today)
    {
        var overdue = items.Count(i => i.Stage == ReminderStage.Overdue);
        var documents = DanishFormat.Count(items.Count, "dokument", "dokumenter");
        var subject = overdue > 0
            ? $"Handicapportalen: {documents} skal revideres ({overdue} er overskredet)"
            : $"Handicapportalen: {documents} skal revideres inden for {DanishFormat.Count(options.Value.ReminderDaysBefore, "dag", "dage")}";
        var body = new StringBuilder();
        body.AppendLine($"Kære {owner.Name}").AppendLine();
        body.AppendLine("Du er tovholder for disse dokumenter i Handicapportalen, som skal gennemgås:").AppendLine();
        foreach (var item in items.OrderBy(i => i.Document.ReviewDate))
        {
            var when = item.Stage == ReminderStage.Overdue
                ? $"revisionsdatoen {DanishFormat.Date(item.Document.ReviewDate)} er overskredet"
                : $"revideres senest {DanishFormat.Date(item.Document.ReviewDate)} (om {DanishFormat.Count(item.Document.ReviewDate.DayNumber - today.DayNumber, "dag", "dage")})";
            body.AppendLine($"- {item.Document.Title}: {when}");
            body.AppendLine($"  {Link(MarkdownRenderer.DocumentRoute + item.Document.Slug)}");
        }
        body.AppendLine().AppendLine("Læs dokumentet igennem, ret det, hvis noget er ændret, og vælg \"Markér som gennemgået\" på siden Revision.");
        body.AppendLine(Link("/revision")).AppendLine().AppendLine("Venlig hilsen").AppendLine("Handicapportalen");
        return new OutgoingMail(owner.Name, owner.Email, subject, body.ToString());
    }

    private string Link(string path) => (smtp.Value.PortalUrl?.TrimEnd('/') ?? "") + path;
}

/// <summary>Runs the reminder job at start and then at the configured interval, when SMTP is configured.
/// With several nodes only the node that claims the interval's slot runs it, so each reminder is mailed once.</summary>
public sealed class ReminderService(ReminderJob job, IMailSender mail, IOptions<ReviewOptions> options, ILogger<ReminderService> logger,
    Cluster.ClusterJobs? jobs = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Enabled)
        {
            logger.LogInformation("Påmindelser om revision er slået fra: Smtp:Host er ikke sat");
            return;
        }
        using var timer = new PeriodicTimer(options.Value.ReminderCheckInterval);
        do
        {
            try
            {
                if (jobs is null)
                {
                    await RunAsync(stoppingToken);
                }
                else
                {
                    // Another node has this slot or is still running: it sends, this node does not.
                    await jobs.TryRunAsync("paamindelser", options.Value.ReminderCheckInterval, RunAsync, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Påmindelsesjobbet fejlede");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await job.RunOnceAsync(cancellationToken);
        if (result.MailsSent + result.Failed > 0)
        {
            logger.LogInformation("Påmindelser: {Mails} mails sendt, {Failed} fejlede", result.MailsSent, result.Failed);
        }
    }
}
