using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Content;
using Portal.Data;

namespace Portal.Reviews;

public sealed record FeedbackRequest(string Slug, string Kind, string Text);

public sealed record FeedbackResult(bool Saved, string Message, int? Id = null);

/// <summary>"Giv besked til tovholder": saves a caseworker's note for the document's tovholder and mails it.</summary>
public sealed partial class FeedbackService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentCatalog catalog,
    IMailSender mail,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<FeedbackService> logger)
{
    public const int MaxTextLength = 2000;

    public static readonly IReadOnlyList<(string Key, string Label)> Kinds =
    [
        ("forældet", "Forældet – noget er ikke længere rigtigt"),
        ("uklart", "Uklart – svært at forstå eller bruge"),
        ("mangler", "Mangler – noget bør stå i dokumentet"),
        ("andet", "Andet"),
    ];

    public async Task<FeedbackResult> SubmitAsync(FeedbackRequest request, UserProfile from, CancellationToken cancellationToken = default)
    {
        var document = catalog.Current.Find(request.Slug ?? "");
        if (document is null)
        {
            return new FeedbackResult(false, $"Der er intet dokument med adressen '{request.Slug}'.");
        }
        if (!Kinds.Any(k => k.Key == request.Kind))
        {
            return new FeedbackResult(false, "Vælg, hvad beskeden handler om: forældet, uklart, mangler eller andet.");
        }
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new FeedbackResult(false, "Skriv kort, hvad der er forældet, uklart eller mangler.");
        }
        if (text.Length > MaxTextLength)
        {
            return new FeedbackResult(false, $"Beskeden må højst være {MaxTextLength} tegn.");
        }
        if (Privacy.CprDetector.Contains(text))
        {
            return new FeedbackResult(false, "Beskeden ser ud til at indeholde et CPR-nummer. Skriv aldrig CPR-numre eller andre oplysninger om borgere her.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = new OwnerMessage
        {
            Slug = document.Slug,
            OwnerKey = document.Owner.Key,
            Kind = request.Kind,
            Text = text,
            FromName = from.Name,
            FromEmail = string.IsNullOrEmpty(from.Email) ? null : from.Email,
            CreatedAt = clock.GetUtcNow(),
        };
        var mailNow = mail.Enabled && !string.IsNullOrWhiteSpace(document.Owner.Email);
        // Saved as already mailed when this request mails it, so the reminder job (on any node) never picks it up
        // in between and sends it a second time; a failed send hands it back to the job.
        message.MailedAt = mailNow ? message.CreatedAt : null;
        db.OwnerMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        if (mailNow)
        {
            try
            {
                await mail.SendAsync(MessageMail(document.Owner, message, document.Title, smtp.Value.PortalUrl), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The reminder job sends it later; the message is already on the dashboard.
                logger.LogWarning(ex, "Besked til {Email} kunne ikke sendes nu", document.Owner.Email);
                message.MailedAt = null;
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        return new FeedbackResult(true, $"Tak. Beskeden er sendt til {document.Owner.Name}, som er tovholder for dokumentet.", message.Id);
    }

    public async Task<IReadOnlyList<OwnerMessage>> ListAsync(string? ownerKey, bool includeHandled, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.OwnerMessages.AsNoTracking().Where(m => ownerKey == null || m.OwnerKey == ownerKey).Where(m => includeHandled || m.HandledAt == null);
        var rows = await query.OrderByDescending(m => m.Id).Take(500).ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<bool> MarkHandledAsync(int id, string handledBy, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.OwnerMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return false;
        }
        if (message.HandledAt is null)
        {
            (message.HandledAt, message.HandledBy) = (clock.GetUtcNow(), handledBy);
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    public static string KindLabel(string kind) => Kinds.FirstOrDefault(k => k.Key == kind).Label?.Split(" – ")[0] ?? kind;

    /// <summary>Marks a message as being mailed, if nobody has; false when a request or another run already has it.</summary>
    internal static async Task<bool> TryClaimMailAsync(PortalDbContext db, int id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.OwnerMessages.Where(m => m.Id == id && m.MailedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.MailedAt, now), cancellationToken) == 1;

    /// <summary>Hands a message whose mail failed back to the next reminder run.</summary>
    internal static Task ReleaseMailClaimAsync(PortalDbContext db, int id) =>
        db.OwnerMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.MailedAt, (DateTimeOffset?)null), CancellationToken.None);

    internal static OutgoingMail MessageMail(Owner owner, OwnerMessage message, string title, string? portalUrl)
    {
        var body = new StringBuilder()
            .AppendLine($"Kære {owner.Name}").AppendLine()
            .AppendLine($"{message.FromName} har givet besked om et dokument, du er tovholder for:").AppendLine()
            .AppendLine($"Dokument: {title}")
            .AppendLine($"{portalUrl?.TrimEnd('/')}{MarkdownRenderer.DocumentRoute}{message.Slug}")
            .AppendLine($"Hvad: {KindLabel(message.Kind)}").AppendLine()
            .AppendLine(message.Text).AppendLine()
            .AppendLine($"Beskeden står også på din revisionsside: {portalUrl?.TrimEnd('/')}/revision")
            .AppendLine().AppendLine("Venlig hilsen").AppendLine("Handicapportalen");
        return new OutgoingMail(owner.Name, owner.Email, $"Handicapportalen: besked om \"{title}\" ({KindLabel(message.Kind).ToLowerInvariant()})", body.ToString());
    }
}
