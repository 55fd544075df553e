using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Portal.Telemetry;

/// <summary>
/// The portal's own spans and measurements (imports, renders, searches, cross-node rebuilds). Tags carry counts and
/// outcomes only, never query text, document text or user names: search queries can contain a CPR number.
/// </summary>
public static class PortalTelemetry
{
    public const string Name = "Handicapportalen";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    public static readonly Histogram<double> SearchDuration = s_meter.CreateHistogram<double>("portal.search.duration", "ms", "Tid pr. søgning");
    public static readonly Histogram<double> ImportDuration = s_meter.CreateHistogram<double>("portal.content.import.duration", "ms", "Tid pr. import af content/");
    public static readonly Histogram<double> RebuildDuration = s_meter.CreateHistogram<double>("portal.content.rebuild.duration", "ms", "Tid pr. genopbygning af biblioteket (rendering)");
    public static readonly Counter<long> ClusterRebuilds = s_meter.CreateCounter<long>("portal.cluster.rebuilds", description: "Genopbygninger udløst af andre noders ændringer");
}
