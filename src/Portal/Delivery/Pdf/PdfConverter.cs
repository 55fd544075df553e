using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Portal.Delivery;

public enum ConverterState
{
    NotStarted,
    Starting,
    Ready,
    Unavailable,
}

/// <summary>
/// One warm LibreOffice behind the uno-bridge.py script: DOCX in, tagged PDF/A-2b out. Conversions run one at a
/// time (one office instance); a conversion that takes too long kills the office and the next one starts it again.
/// </summary>
public sealed class PdfConverter(IOptions<DeliveryOptions> options, ILogger<PdfConverter> logger) : IAsyncDisposable
{
    public const string MissingNotice = "LibreOffice er ikke installeret på serveren, så endelig PDF og afsendelse er slået fra. Installér Debian-pakkerne libreoffice-writer-nogui og python3-uno, og genstart portalen.";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"handicap-pdf-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private Process? _bridge;
    private int _sequence;

    public ConverterState State { get; private set; } = ConverterState.NotStarted;

    /// <summary>Why PDF is off (Danish), or null while it works.</summary>
    public string? Notice { get; private set; }

    public bool IsEnabled => options.Value.Pdf.Enabled && FindSoffice() is not null && File.Exists(options.Value.Pdf.Python);

    public string? OfficeVersion { get; private set; }

    /// <summary>Decides at start whether PDF is possible and, if configured, warms the office in the background.</summary>
    public void Start() => Start(TimeSpan.Zero, CancellationToken.None);

    /// <param name="delay">How long to wait before warming (a conversion asked for meanwhile starts the office itself).</param>
    public void Start(TimeSpan delay, CancellationToken stopping)
    {
        if (!IsEnabled)
        {
            State = ConverterState.Unavailable;
            Notice = options.Value.Pdf.Enabled ? MissingNotice : "Endelig PDF og afsendelse er slået fra i portalens konfiguration (Delivery:Pdf:Enabled).";
            logger.LogWarning("{Notice}", Notice);
        }
        else if (options.Value.Pdf.StartAtLaunch)
        {
            _ = delay <= TimeSpan.Zero ? WarmAsync() : WarmLaterAsync(delay, stopping);
        }
    }

    private async Task WarmLaterAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            await WarmAsync(stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Starts the office in the background (if it is not running) and waits for it.</summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default)
    {
        if (!IsEnabled)
        {
            // Nothing to start; trying would replace the "not installed" notice with a vaguer "could not start".
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureStartedAsync(cancellationToken);
        }
        catch (PdfConversionException ex)
        {
            logger.LogWarning("{Message}", ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <param name="keywords">Goes to the XMP as pdf:Keywords (the render manifest).</param>
    public async Task<byte[]> ConvertAsync(byte[] docx, string keywords, string subject, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled)
        {
            throw new PdfConversionException(Notice ?? MissingNotice);
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureStartedAsync(cancellationToken);
            var n = Interlocked.Increment(ref _sequence);
            var input = Path.Combine(_work, $"brev-{n}.docx");
            var output = Path.Combine(_work, $"brev-{n}.pdf");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            try
            {
                var request = JsonSerializer.Serialize(new { @in = input, @out = output, keywords, subject });
                var reply = await CallAsync(request, TimeSpan.FromSeconds(options.Value.Pdf.TimeoutSeconds), cancellationToken);
                if (!reply.GetProperty("ok").GetBoolean())
                {
                    logger.LogWarning("LibreOffice kunne ikke konvertere brevet: {Error}", reply.GetProperty("error").GetString());
                    throw new PdfConversionException("LibreOffice kunne ikke lave PDF'en af brevet. Prøv igen; sker det igen, så kontakt it-afdelingen.");
                }
                return await File.ReadAllBytesAsync(output, cancellationToken);
            }
            finally
            {
                File.Delete(input);
                File.Delete(output);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_bridge is { HasExited: false } && State == ConverterState.Ready)
        {
            return;
        }
        Stop();
        State = ConverterState.Starting;
        Directory.CreateDirectory(_work);
        var pdf = options.Value.Pdf;
        var script = Path.Combine(AppContext.BaseDirectory, "Delivery", "Pdf", "uno-bridge.py");
        var start = new ProcessStartInfo(pdf.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, FindSoffice()!, (pdf.Port > 0 ? pdf.Port : FreePort()).ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(_work, "profil") })
        {
            start.ArgumentList.Add(arg);
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            _bridge = Process.Start(start) ?? throw new PdfConversionException(MissingNotice);
            _bridge.ErrorDataReceived += (_, e) => { if (e.Data is not null) { logger.LogDebug("uno-bridge: {Line}", e.Data); } };
            _bridge.BeginErrorReadLine();
            var ready = await CallAsync(null, TimeSpan.FromSeconds(90), cancellationToken);
            if (!ready.GetProperty("ok").GetBoolean())
            {
                throw new PdfConversionException($"LibreOffice kunne ikke starte: {ready.GetProperty("error").GetString()}");
            }
            OfficeVersion = ready.TryGetProperty("version", out var v) ? v.GetString() : null;
            State = ConverterState.Ready;
            Notice = null;
            logger.LogInformation("LibreOffice er klar til PDF efter {Ms} ms", stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Stop();
            State = ConverterState.Unavailable;
            Notice = ex is PdfConversionException ? ex.Message : "LibreOffice kunne ikke starte, så endelig PDF er ikke mulig lige nu. Kontakt it-afdelingen.";
            throw new PdfConversionException(Notice);
        }
    }

    // One request line out (none while starting), one JSON line back within the timeout; a silent office is killed.
    private async Task<JsonElement> CallAsync(string? request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bridge = _bridge!;
        if (request is not null)
        {
            await bridge.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken);
            await bridge.StandardInput.FlushAsync(cancellationToken);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string? line;
        try
        {
            line = await bridge.StandardOutput.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stop(kill: true);
            State = ConverterState.NotStarted;
            throw new PdfConversionException($"LibreOffice svarede ikke inden for {timeout.TotalSeconds:0} sekunder, så PDF'en blev ikke lavet. Prøv igen om lidt.");
        }
        catch (OperationCanceledException)
        {
            // The caller gave up mid-conversion: the office's answer would arrive out of step, so start afresh.
            Stop(kill: true);
            State = ConverterState.NotStarted;
            throw;
        }
        if (line is null)
        {
            Stop();
            State = ConverterState.NotStarted;
            throw new PdfConversionException("LibreOffice stoppede uventet, så PDF'en blev ikke lavet. Prøv igen.");
        }
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private string? FindSoffice()
    {
        var configured = options.Value.Pdf.Soffice;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice"))
            .Append("/usr/lib/libreoffice/program/soffice");
        return candidates.FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Stop(bool kill = false)
    {
        var bridge = _bridge;
        _bridge = null;
        if (bridge is null)
        {
            return;
        }
        try
        {
            if (!bridge.HasExited && kill)
            {
                bridge.Kill(entireProcessTree: true);
            }
            else if (!bridge.HasExited)
            {
                // Closing stdin lets the bridge stop soffice itself; the tree kill is for a hung office.
                bridge.StandardInput.Close();
                if (!bridge.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    bridge.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        bridge.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying office; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
