using Portal.Auth;

namespace Portal.Governance;

/// <summary>/api/statistik/{key}.csv: one section's table for Excel, coordinators and up.</summary>
public static class StatisticsApi
{
    public static void MapStatisticsApi(this WebApplication app)
    {
        app.MapGet("/api/statistik/{key}.csv", async (string key, IEnumerable<IStatisticsSection> sections, TimeProvider clock, CancellationToken ct) =>
        {
            var section = sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Statistikken findes ikke",
                    detail: $"Der er ingen statistik med navnet '{key}'. Brug en af: {string.Join(", ", sections.OrderBy(s => s.Order).Select(s => s.Key))}.");
            }
            var period = StatisticsPeriod.Ending(clock);
            var table = await section.BuildAsync(period, ct);
            return Results.File(StatisticsCsv.Write(table), StatisticsCsv.ContentType, StatisticsCsv.FileName(section, period));
        }).RequireAuthorization(Policies.Coordinator);
    }
}
