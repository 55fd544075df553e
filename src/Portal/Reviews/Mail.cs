using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Reviews;

/// <summary>SMTP settings (section "Smtp"). Without a host, no mail is sent and reminders are off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>"auto", "none", "starttls" or "ssl".</summary>
    public string Security { get; set; } = "auto";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "Handicapportalen";
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The portal's public address, used for links in mails (e.g. https://handicapportalen.kommune.dk).</summary>
    public string? PortalUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

public sealed record OutgoingMail(string ToName, string ToAddress, string Subject, string Body);

public interface IMailSender
{
    bool Enabled { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Sends plain-text mail through SMTP with MailKit.</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public bool Enabled => options.Value.Enabled;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Host!, o.Port, SecurityOf(o.Security), cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SecurityOf(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
