namespace Portal.Content;

/// <summary>
/// "Today" and "now" in Danish local time, the one place the portal turns the clock into a calendar date: review
/// dates, letters' dates, deadlines and search boosts agree whatever time zone the server runs in.
/// </summary>
public static class DanishClock
{
    /// <summary>Europe/Copenhagen (CET/CEST); the server's zone only when the system has no time zone data.</summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTimeOffset DanishNow(this TimeProvider clock) => ToDanish(clock.GetUtcNow());

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.DanishNow().DateTime);

    public static DateTimeOffset ToDanish(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Local;
        }
    }
}
