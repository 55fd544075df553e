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
                .AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(m => m
                .AddMeter(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return builder;
    }
}
