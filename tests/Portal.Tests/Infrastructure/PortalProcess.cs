using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real portal: <c>dotnet Portal.dll</c> as its own process on a loopback port, in Development (demo sign-in), with
/// the given settings as environment variables (<c>Section__Key</c>). Used where a test must kill or restart the server.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, int port, string name)
    {
        _process = process;
        Port = port;
        Name = name;
    }

    public int Port { get; }

    public string Name { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>The last lines the process wrote (warnings and errors at the default log level), for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }
    }

    public static string PortalDll
    {
        get
        {
            // The same build configuration as this test assembly (bin/Debug or bin/Release).
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepositoryPaths.Root, "src", "Portal", "bin", configuration, "net10.0", "Portal.dll");
        }
    }

    /// <summary>A cluster node on PostgreSQL (short lease, so a killed holder is replaced within seconds).</summary>
    public static Task<PortalProcess> StartAsync(string name, int port, string connectionString, string contentPath, TimeSpan? timeout = null) =>
        StartAsync(name, port, contentPath, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Portal"] = connectionString,
            ["Cluster__NodeName"] = name,
            ["Cluster__LeaseSeconds"] = "3",
            ["Cluster__PollMilliseconds"] = "500",
        }, timeout);

    public static async Task<PortalProcess> StartAsync(string name, int port, string contentPath, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", [PortalDll])
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Content__RootPath"] = contentPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Security__RateLimits__SignInPerMinute"] = "1000";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var node = new PortalProcess(process, port, name);
        process.OutputDataReceived += (_, e) => node.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => node.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(60));
        return node;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} stoppede under opstart (kode {_process.ExitCode}):\n{Log}");
            }
            try
            {
                if ((await client.GetAsync(new Uri(Address, "/health/live"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Node {Name} svarede ikke inden for {timeout.TotalSeconds} s.");
    }

    /// <summary>Kills the process at once, as a crashed machine would: no lease release, no shutdown.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
