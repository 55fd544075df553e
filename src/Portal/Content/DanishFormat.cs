using System.Globalization;

namespace Portal.Content;

/// <summary>Danish formatting of dates and amounts, shared by pages and letters.</summary>
public static class DanishFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>"3. november 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Culture);

    public static string Date(DateTimeOffset time) => Date(DateOnly.FromDateTime(DanishClock.ToDanish(time).DateTime));

    /// <summary>"3. november 2026 kl. 14.05".</summary>
    public static string DateTime(DateTimeOffset time) => DanishClock.ToDanish(time).ToString("d. MMMM yyyy 'kl.' HH.mm", Culture);

    /// <summary>"mandag".</summary>
    public static string Weekday(DateOnly date) => Culture.DateTimeFormat.GetDayName(date.DayOfWeek);

    /// <summary>"1 advarsel", "3 advarsler", "1.200 dokumenter": the one place a count meets its noun.</summary>
    public static string Count(int count, string singular, string plural) =>
        count.ToString("N0", Culture) + " " + (count == 1 ? singular : plural);

    /// <summary>"1.234,50 kr.".</summary>
    public static string Amount(decimal amount) => amount.ToString("N2", Culture) + " kr.";
}
