using System.Diagnostics;
using Portal.Tests.Infrastructure;

namespace Portal.PostgresTests.Infrastructure;

/// <summary>A real portal node: <c>dotnet Portal.dll</c> on a loopback port, in Development (demo sign-in) on PostgreSQL.</summary>
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

    public static string PortalDll
    {
        get
        {
            // The same build configuration as this test assembly (bin/Debug or bin/Release).
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepositoryPaths.Root, "src", "Portal", "bin", configuration, "net10.0", "Portal.dll");
        }
    }

    public static async Task<PortalProcess> StartAsync(string name, int port, string connectionString, string contentPath, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", [PortalDll])
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "PostgreSql";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Content__RootPath"] = contentPath;
        start.Environment["Cluster__NodeName"] = name;
        start.Environment["Cluster__LeaseSeconds"] = "3";
        start.Environment["Cluster__PollMilliseconds"] = "500";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Security__RateLimits__SignInPerMinute"] = "1000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new PortalProcess(process, port, name);
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
                throw new InvalidOperationException($"Node {Name} stoppede under opstart (kode {_process.ExitCode}).");
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
