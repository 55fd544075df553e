using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Portal.Health;

/// <summary>
/// The first request after a start builds the request pipeline (routing's matcher, the middleware, authentication):
/// about a second of CPU, which took two to three seconds while start-up's background work (comparing content/ with
/// the library, the first search index) had both cores of a small server. So the server first answers its own requests
/// (/health/live and the sign-in page), and that work starts when it has (<see cref="Done"/>), or when they failed or
/// timed out.
/// Under a test server (no addresses) it is done at once.
/// </summary>
public sealed class StartupWarmUp(IServer server, IConfiguration configuration, ILogger<StartupWarmUp> logger)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    // The pipeline, then a page: the sign-in page is anonymous in every mode and renders the components' code path.
    private static readonly string[] s_paths = ["/health/live", "/konto/log-ind"];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the server has answered its warm-up request (or gave up on it); never faults.</summary>
    public Task Done => _done.Task;

    private readonly List<Task> _background = [];

    /// <summary>The server listens on an address of its own (false under a test server, which has none).</summary>
    public bool Listening { get; private set; }

    /// <summary>Start-up work that runs after <see cref="Done"/> (the comparison with content/, the first search index).</summary>
    public void Track(Task backgroundWork)
    {
        lock (_background)
        {
            _background.Add(backgroundWork);
        }
    }

    /// <summary>Completes when the work tracked so far has ended, faulted or not (<see cref="Track"/>).</summary>
    public Task BackgroundDone()
    {
        lock (_background)
        {
            return Task.WhenAll(_background.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));
        }
    }

    internal async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Select(LoopbackOf).FirstOrDefault(a => a is not null) is not { } address)
            {
                return;
            }
            Listening = true;
            // The portal's own certificate may be self-signed, and nothing is sent but the path: no validation needed.
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            using var client = new HttpClient(handler) { BaseAddress = address, Timeout = s_timeout };
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // Outside Development the server answers only its own host names (AllowedHosts): ask as one of them.
            var host = HostNameFor(configuration["AllowedHosts"]);
            var statuses = new List<int>();
            foreach (var path in s_paths)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (host is not null)
                {
                    request.Headers.Host = address.IsDefaultPort ? host : $"{host}:{address.Port}";
                }
                using var response = await client.SendAsync(request, stopping);
                statuses.Add((int)response.StatusCode);
            }
            // What the start cost besides the portal's own work (the code compiled at run time, the collector's pauses):
            // the figures that tell an operator whether the installation was published precompiled (scripts/publish.sh).
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            logger.LogInformation("Første svar efter start på {Ms} ms ({Statuses}), {Seconds:0.00} s efter processens start, med {Jitted} metoder oversat på {JitMs} ms og {Collections} oprydninger på {GcMs} ms; baggrundsarbejdet ved start begynder nu",
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, string.Join(", ", statuses),
                (DateTime.Now - process.StartTime).TotalSeconds,
                System.Runtime.JitInfo.GetCompiledMethodCount(), (int)System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
                GC.CollectionCount(0), (int)GC.GetTotalPauseDuration().TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogDebug(ex, "Opvarmningen ved start fik intet svar; baggrundsarbejdet begynder alligevel");
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    /// <summary>The first host name AllowedHosts names exactly, or null when any host is allowed (or none is named).</summary>
    internal static string? HostNameFor(string? allowedHosts) =>
        allowedHosts?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { } hosts && !hosts.Contains("*")
            ? hosts.FirstOrDefault(h => !h.Contains('*'))
            : null;

    /// <summary>The address on this machine for a listening address ("http://0.0.0.0:8080" → http://127.0.0.1:8080/), or null.</summary>
    internal static Uri? LoopbackOf(string address)
    {
        var binding = BindingAddress.Parse(address);
        if (binding.IsUnixPipe || binding.Port <= 0 || binding.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var host = binding.Host switch
        {
            "+" or "*" or "0.0.0.0" or "localhost" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var other => other,
        };
        return Uri.TryCreate($"{binding.Scheme}://{host}:{binding.Port}/", UriKind.Absolute, out var uri) ? uri : null;
    }
}
