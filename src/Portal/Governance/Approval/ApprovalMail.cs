using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Content;
using Portal.Reviews;

namespace Portal.Governance;

/// <summary>Mails approvers when a change awaits them and the author when it is decided; a failed mail never undoes the decision.</summary>
public sealed class ApprovalMail(IMailSender sender, IOptions<SmtpOptions> smtp, IOptions<ApprovalOptions> options, ILogger<ApprovalMail> logger)
{
    public IEnumerable<ApproverContact> ApproversFor(ApprovalRequest request) => options.Value.Approvers
        .Where(a => !string.IsNullOrWhiteSpace(a.Email) && !string.Equals(a.Email, request.AuthorEmail, StringComparison.OrdinalIgnoreCase))
        .Where(a => !ApprovalRules.NeedsJurist(options.Value, request.DocumentType) || a.Role == Roles.Jurist)
        .Where(a => string.IsNullOrWhiteSpace(a.Area) || a.Area == request.Area || request.Area == AreaNames.Key(Area.Shared));

    public async Task SubmittedAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        foreach (var approver in ApproversFor(request))
        {
            await SendAsync(new OutgoingMail(approver.Name, approver.Email, $"Til godkendelse: {request.Title}",
                $"Hej {approver.Name}\n\n{request.AuthorName} har sendt en ændring af \"{request.Title}\" til godkendelse.\n\n" +
                $"Kommentar: {request.Comment}\n\nSe forskellen og godkend eller send tilbage: {Link("/godkendelser")}\n\nHandicapportalen"), cancellationToken);
        }
    }

    public async Task DecidedAsync(ApprovalRequest request, bool approved, UserProfile decider, string? remark, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.AuthorEmail))
        {
            return;
        }
        var what = approved ? "er godkendt og udgivet" : "er sendt tilbage til dig";
        await SendAsync(new OutgoingMail(request.AuthorName, request.AuthorEmail, $"{(approved ? "Godkendt" : "Sendt tilbage")}: {request.Title}",
            $"Hej {request.AuthorName}\n\nDin ændring af \"{request.Title}\" {what} af {decider.Name}.\n" +
            (remark is null ? "" : $"\nBemærkning: {remark}\n") + $"\nDokumentet: {Link(MarkdownRenderer.DocumentRoute + request.Slug)}\n\nHandicapportalen"), cancellationToken);
    }

    private string Link(string path) => (smtp.Value.PortalUrl?.TrimEnd('/') ?? "") + path;

    private async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (!sender.Enabled)
        {
            return;
        }
        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Mail om godkendelse til {Address} kunne ikke sendes", mail.ToAddress);
        }
    }
}
