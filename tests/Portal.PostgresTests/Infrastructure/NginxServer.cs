using System.Diagnostics;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.PostgresTests.Infrastructure;

/// <summary>Debian's nginx with the repository's deploy/nginx/handicap.conf, its ports replaced by loopback test ports.</summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<NginxServer> StartAsync(int port, params int[] upstreamPorts)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx mangler: scripts/test.sh installerer Debians nginx-pakke.");
        var folder = Path.Combine(Path.GetTempPath(), "handicap-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var site = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "handicap.conf"));
        site = ServerLine().Replace(site, "");
        site = site.Replace("    ip_hash;\n", "    ip_hash;\n" + string.Concat(upstreamPorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n")), StringComparison.Ordinal);
        site = site.Replace("listen 8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        var config = $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{site}}
            }
            """;
        var path = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", folder, "-c", path, "-g", "daemon off;"]) { RedirectStandardError = true })!;
        var server = new NginxServer(process, folder, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 50; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx startede ikke: " + await process.StandardError.ReadToEndAsync());
            }
            try
            {
                await client.GetAsync(new Uri(server.Address, "/health/live"));
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        return server;
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
