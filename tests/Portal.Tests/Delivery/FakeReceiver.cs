using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Delivery;

/// <summary>
/// A local HTTP server that plays Serviceplatformen or the case system: /ok, /400, /409 (already received), /500, /slow (answers after
/// <see cref="SlowDelay"/>), /hang (after 30 s). It counts each idempotency key once, as a real receiver de-duplicates a repeated call.
/// </summary>
public sealed class FakeReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeReceiver()
    {
        // An empty content root: the portal's appsettings.json in the test folder is not this server's configuration.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Production" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{mode}", async (string mode, HttpRequest request, CancellationToken ct) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            Requests.Enqueue((mode, key, request.ContentType ?? "", body, request.Headers["x-TransaktionsId"].ToString(), request.Headers["x-TransaktionsTid"].ToString()));
            switch (mode)
            {
                case "400":
                    return Results.Text("Ugyldig modtager", statusCode: 400);
                case "500":
                    return Results.Text("Intern fejl", statusCode: 500);
                case "409":
                    return Results.Text("Transaktionen er allerede modtaget", statusCode: 409);
                case "slow":
                    await Task.Delay(SlowDelay, ct);
                    break;
                case "hang":
                    await Task.Delay(30_000, ct);
                    break;
            }
            Delivered.AddOrUpdate(key, 1, (_, n) => n);
            Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
            return Results.Text("kvittering-" + key);
        });
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseUrl { get; }

    /// <summary>How long /slow takes to answer.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    public ConcurrentQueue<(string Mode, string Key, string ContentType, string Body, string TransactionId, string TransactionTime)> Requests { get; } = new();

    /// <summary>Idempotency keys accepted (each once, however often it was sent).</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    /// <summary>How many accepted calls each key had (more than one = a retry the receiver de-duplicated).</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public string Url(string mode) => $"{BaseUrl}/{mode}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
