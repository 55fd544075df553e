using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Telemetry;

/// <summary>
/// Issue 11: OpenTelemetry traces over OTLP only when configured, with the portal's own spans and requests, and no
/// query text (a search can hold a CPR number). The receiver is a real OTLP/HTTP endpoint on loopback: the
/// protobuf bodies are searched for the strings they must and must not carry.
/// </summary>
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAnOtlpEndpoint_TracesOfImportAndRequestsReachTheCollector_WithoutTheQueryText()
    {
        await using var receiver = new OtlpReceiver();
        await using var factory = new TelemetryFactory(receiver.Endpoint, "http/protobuf");
        using var client = factory.CreateClientAs(Roles.Caseworker);

        var response = await client.GetAsync("/api/search?q=hemmeligtord4711", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var traces = await receiver.WaitForAsync("/v1/traces", body => body.Contains("/api/search", StringComparison.Ordinal), TimeSpan.FromSeconds(45));
        Assert.Contains(receiver.Bodies("/v1/traces"), b => b.Contains("content.import", StringComparison.Ordinal));
        Assert.Contains("Handicapportalen", traces, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Bodies("/v1/traces"), b => b.Contains("hemmeligtord4711", StringComparison.Ordinal));
        Assert.Equal("application/x-protobuf", receiver.ContentType("/v1/traces"));
    }

    [Fact]
    public async Task WithoutAnEndpoint_NothingIsCollected()
    {
        await using var factory = new PortalFactory();
        _ = factory.Server;

        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task UnknownProtocol_StopsTheStartWithADanishReason()
    {
        await using var factory = new TelemetryFactory(new Uri("http://127.0.0.1:4318/"), "udp");

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("OpenTelemetry:Protocol skal være 'grpc' eller 'http/protobuf', ikke 'udp'", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class TelemetryFactory(Uri endpoint, string protocol) : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("OpenTelemetry:OtlpEndpoint", endpoint.ToString()),
            new("OpenTelemetry:Protocol", protocol),
        ];
    }

    /// <summary>Answers every OTLP/HTTP export with 200 and keeps the bodies (protobuf: strings appear as UTF-8).</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> _received = new();
        private readonly Task _loop;

        public OtlpReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public Uri Endpoint { get; }

        public IReadOnlyList<string> Bodies(string path) => _received.Where(r => r.Path == path).Select(r => r.Body).ToList();

        public string? ContentType(string path) => _received.FirstOrDefault(r => r.Path == path).ContentType;

        public async Task<string> WaitForAsync(string path, Func<string, bool> match, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            while (DateTime.UtcNow < deadline)
            {
                if (Bodies(path).FirstOrDefault(match) is { } body)
                {
                    return body;
                }
                await Task.Delay(200, Ct);
            }
            throw new Xunit.Sdk.XunitException($"Ingen eksport til {path} inden for {limit.TotalSeconds} s; modtaget: {string.Join(", ", _received.Select(r => r.Path))}");
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var buffer = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(buffer);
                _received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", Encoding.UTF8.GetString(buffer.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
