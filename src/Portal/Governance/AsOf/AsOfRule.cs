using Portal.Content;

namespace Portal.Governance;

/// <summary>A published version's metadata: when caseworkers started seeing it.</summary>
public sealed record PublishedVersion(int Number, DateTimeOffset PublishedAt, string Author, string? Comment);

/// <summary>Which published version was in force on a Danish calendar day.</summary>
public static class AsOfRule
{
    /// <summary>
    /// The last version published before the end of <paramref name="date"/> in Danish time: what a caseworker saw when
    /// the day closed (a change published that afternoon counts). Null when nothing was published yet.
    /// </summary>
    public static PublishedVersion? InForceOn(IEnumerable<PublishedVersion> versions, DateOnly date)
    {
        var limit = StartOfDanishDay(date.AddDays(1));
        return versions.Where(v => v.PublishedAt < limit).MaxBy(v => v.Number);
    }

    public static DateTimeOffset StartOfDanishDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, DanishClock.Zone.GetUtcOffset(local));
    }

    /// <summary>Reads "2025-06-01" (the date picker's and the API's format).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    public const string InvalidDate = "Datoen skal skrives som ÅÅÅÅ-MM-DD, fx 2025-06-01.";

    /// <summary>"arbejdsgangen", "skabelonen" ...: the banner names what the reader is looking at.</summary>
    public static string DefiniteNoun(string type) => type switch
    {
        DocumentTypes.Procedure => "arbejdsgangen",
        DocumentTypes.Checklist => "tjeklisten",
        DocumentTypes.Guide => "vejledningen",
        DocumentTypes.Offer => "tilbuddet",
        DocumentTypes.Decision or DocumentTypes.Letter => "skabelonen",
        DocumentTypes.Phrase => "frasen",
        _ => "dokumentet",
    };
}
