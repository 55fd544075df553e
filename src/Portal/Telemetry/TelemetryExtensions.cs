using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics (requests, the database, imports, renders, searches) exported over OTLP, only
    /// when OpenTelemetry:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) is set; otherwise nothing is collected.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp))
        {
            throw new InvalidOperationException($"OpenTelemetry:OtlpEndpoint skal være en absolut URL (fx http://collector:4317), ikke '{endpoint}'.");
        }
        var protocol = (builder.Configuration["OpenTelemetry:Protocol"] ?? "grpc").Trim().ToLowerInvariant() switch
        {
            "grpc" => OpenTelemetry.Exporter.OtlpExportProtocol.Grpc,
            "http/protobuf" or "http" => OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OpenTelemetry:Protocol skal være 'grpc' eller 'http/protobuf', ikke '{other}'."),
        };
        var node = builder.Configuration["Cluster:NodeName"] ?? Environment.MachineName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(PortalTelemetry.Name, serviceInstanceId: node))
            .WithTracing(t => t
                .AddSource(PortalTelemetry.Name)
                // Paths only: query strings can hold search words.
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (Signal(otlp, protocol, "traces"), protocol)))
            .WithMetrics(m => m
                .AddMeter(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (Signal(otlp, protocol, "metrics"), protocol)));
        return builder;
    }

    /// <summary>
    /// The providers are otherwise built when the host starts, after the migration and the first import have run
    /// untraced: build them first so start-up (the slowest thing a node does) is in the traces too.
    /// </summary>
    public static WebApplication StartTelemetry(this WebApplication app)
    {
        _ = app.Services.GetService<TracerProvider>();
        _ = app.Services.GetService<MeterProvider>();
        return app;
    }

    /// <summary>gRPC takes the collector's address as is; OTLP over HTTP posts each signal to its own path (/v1/traces, /v1/metrics).</summary>
    private static Uri Signal(Uri endpoint, OpenTelemetry.Exporter.OtlpExportProtocol protocol, string signal) =>
        protocol == OpenTelemetry.Exporter.OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint, "v1/" + signal);
}
