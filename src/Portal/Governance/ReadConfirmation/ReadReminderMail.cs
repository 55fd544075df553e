using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Reviews;

namespace Portal.Governance;

/// <summary>The reminder to read a material change: one plain-text mail per reader through the portal's mail setup.</summary>
public sealed class ReadReminderMail(IMailSender sender, IOptions<SmtpOptions> smtp, ILogger<ReadReminderMail> logger)
{
    public bool Enabled => sender.Enabled;

    /// <summary>False when the mail server refused it; the others are still sent.</summary>
    public async Task<bool> SendAsync(Reader reader, LibraryDocument document, int version, CancellationToken cancellationToken)
    {
        var link = (smtp.Value.PortalUrl?.TrimEnd('/') ?? "") + MarkdownRenderer.DocumentRoute + document.Slug;
        try
        {
            await sender.SendAsync(new OutgoingMail(reader.Name, reader.Email, $"Påmindelse: læs ændringen af {document.Title}",
                $"Hej {reader.Name}\n\nDer er en væsentlig ændring af \"{document.Title}\" (version {version}), som du skal læse.\n\n" +
                $"Se, hvad der er ændret, og bekræft, at du har læst det: {link}\n\nHandicapportalen"), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Påmindelse om læsning til {Address} kunne ikke sendes", reader.Email);
            return false;
        }
    }
}
