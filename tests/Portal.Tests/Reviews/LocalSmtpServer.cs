using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Portal.Tests.Reviews;

/// <summary>A mail received by <see cref="LocalSmtpServer"/>: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";
}

/// <summary>
/// Just enough SMTP on a loopback port for MailKit (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT),
/// recording every message. No STARTTLS or AUTH is offered, so "auto" security connects in plain text.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly SemaphoreSlim _received = new(0);
    private readonly Task _acceptLoop;

    public LocalSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>Recipients answered with 550, to play a mail server that refuses the mail.</summary>
    public Func<string, bool> RejectRecipient { get; set; } = _ => false;

    public int Connections { get; private set; }

    /// <summary>Waits for the next message to arrive (for the background job), failing after the timeout.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(TimeSpan timeout)
    {
        if (!await _received.WaitAsync(timeout))
        {
            throw new TimeoutException($"Ingen mail modtaget inden for {timeout.TotalSeconds} sekunder.");
        }
        return _messages.Last();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Connections++;
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var token = _stop.Token;
        try
        {
            var stream = client.GetStream();
            // Latin-1 maps each byte to one char, so the DATA section comes back byte for byte.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP test-server");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        (from, to) = (Address(line), []);
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (RejectRecipient(recipient))
                        {
                            await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                            break;
                        }
                        to.Add(recipient);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader, token);
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data)), token);
                        _messages.Enqueue(new ReceivedMail(from ?? "", [.. to], message));
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        _received.Release();
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the server is stopping.
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken token)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(token) is { } line && line != ".")
        {
            // Undo dot-stuffing (RFC 5321 4.5.2).
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        return data.ToString();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
        _listener.Dispose();
        _received.Dispose();
    }
}
