using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Health;

namespace Portal.Delivery;

public static class DeliveryExtensions
{
    public const string Sf1601Client = "sf1601";
    public const string JournalClient = "journal";

    public static WebApplicationBuilder AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.Pdf.TimeoutSeconds > 0 && o.Outbox.MaxAttempts > 0 && o.Outbox.PollSeconds > 0, "Delivery: timeout, MaxAttempts og PollSeconds skal være positive.")
            .Validate(o => o.SenderCvr.Length == 8 && o.SenderCvr.All(char.IsAsciiDigit), "Delivery:SenderCvr skal være kommunens CVR-nummer (8 cifre).")
            .Validate(o => o.DigitalPost.Adapter is "fil" or "sf1601" && (o.DigitalPost.Adapter == "fil" || Uri.IsWellFormedUriString(o.DigitalPost.Url, UriKind.Absolute)),
                "Delivery:DigitalPost:Adapter skal være 'fil' eller 'sf1601' (med Url).")
            .Validate(o => o.Journal.Adapter is "fil" or "rest" && (o.Journal.Adapter == "fil" || Uri.IsWellFormedUriString(o.Journal.Url, UriKind.Absolute)),
                "Delivery:Journal:Adapter skal være 'fil' eller 'rest' (med Url).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PdfConverter>();
        builder.Services.AddHostedService<ConverterStartup>();
        builder.Services.AddSingleton<FinalLetter>();
        builder.Services.AddSingleton<MemoBuilder>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<LetterSender>();
        builder.Services.AddSingleton<DeliveryAdapters>();
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        builder.Services.AddHttpClient(Sf1601Client).ConfigurePrimaryHttpMessageHandler(sp => Handler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.DigitalPost));
        builder.Services.AddHttpClient(JournalClient).ConfigurePrimaryHttpMessageHandler(sp => Handler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Journal));
        builder.Services.AddHealthChecks().AddCheck<ConverterHealthCheck>("konverter", tags: [HealthTags.Ready]);
        Portal.Components.Layout.NavigationRegistry.Add(new Portal.Components.Layout.NavigationItem("/udbakke", "Udbakke", MudBlazor.Icons.Material.Filled.Outbox, Portal.Auth.Policies.Coordinator, 40));
        return builder;
    }

    public static WebApplication MapDelivery(this WebApplication app)
    {
        app.MapDeliveryApi();
        return app;
    }

    // The adapters' own timeout decides; the client's default 100 s would only hide a slow receiver.
    private static HttpMessageHandler Handler(DestinationOptions destination)
    {
        var handler = new SocketsHttpHandler();
        if (!string.IsNullOrWhiteSpace(destination.CertificatePath))
        {
            handler.SslOptions.ClientCertificates = [System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(destination.CertificatePath, destination.CertificatePassword)];
        }
        return handler;
    }
}

/// <summary>Starts the converter with the portal; the container stops it (PdfConverter is disposable).</summary>
internal sealed class ConverterStartup(PdfConverter converter, IOptions<DeliveryOptions> options, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hosted services start after the library is built, just before the server listens: the delay counts from there.
        converter.Start(TimeSpan.FromSeconds(Math.Max(0, options.Value.Pdf.StartDelaySeconds)), lifetime.ApplicationStopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready while LibreOffice is warm or can start; Degraded when PDF is off (the rest of the portal works).</summary>
internal sealed class ConverterHealthCheck(PdfConverter converter) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(converter.State == ConverterState.Unavailable ? HealthCheckResult.Degraded() : HealthCheckResult.Healthy());
}
