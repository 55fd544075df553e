using System.Globalization;
using System.Text;
using Portal.Content;
using Portal.Letters;

namespace Portal.Delivery;

/// <summary>
/// What a final PDF was made from, written into its XMP (pdf:Keywords): template, version and hashes, the phrases'
/// hashes, engines, culture, the rate table and when. Identifiers and hashes only, never case data.
/// </summary>
public sealed record RenderManifest(
    string Template,
    int Version,
    string ContentHash,
    string BodyHash,
    IReadOnlyDictionary<string, string> Partials,
    string Engines,
    string Culture,
    string RateTable,
    DateTimeOffset GeneratedAt)
{
    public const string Prefix = "handicapportal-manifest/1";

    public static RenderManifest For(LetterResult result, TemplateSet set, string officeVersion, DateTimeOffset now)
    {
        var template = result.Template;
        var (partials, _) = set.Partials.Closure(TemplateCache.Shared.Compile(template));
        return new RenderManifest(
            template.Slug,
            template.Document.VersionNumber,
            template.Document.ContentHash,
            Content.ContentHash.Of(template.Body),
            partials.OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Hash),
            $"Scriban {typeof(Scriban.Template).Assembly.GetName().Version}, Markdig {typeof(Markdig.Markdown).Assembly.GetName().Version}, {officeVersion}",
            "da-DK",
            RateTableVersion(set.Rates),
            now);
    }

    /// <summary>The rate table has no version number: its version is the hash of every rate period it holds.</summary>
    public static string RateTableVersion(RateTable rates)
    {
        var text = new StringBuilder();
        foreach (var rate in rates.Rates.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var period in rate.Periods)
            {
                text.Append(CultureInfo.InvariantCulture, $"{rate.Key}|{period.From:yyyy-MM-dd}|{period.Amount}|{period.Verified}\n");
            }
        }
        return Content.ContentHash.Of(text.ToString())[..16];
    }

    /// <summary>One line of key=value pairs: LibreOffice escapes quotes in XMP twice, so no JSON.</summary>
    public string ToKeywords()
    {
        var parts = new List<string>
        {
            Prefix,
            $"skabelon={Template}",
            $"version={Version.ToString(CultureInfo.InvariantCulture)}",
            $"indhold-hash={ContentHash}",
            $"tekst-hash={BodyHash}",
            $"fraser={string.Join(',', Partials.Select(p => $"{p.Key}:{p.Value}"))}",
            $"motorer={Engines}",
            $"kultur={Culture}",
            $"satstabel={RateTable}",
            $"dannet={GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}",
        };
        return string.Join("; ", parts);
    }

    /// <summary>The audit names the manifest by its hash.</summary>
    public string Hash => Content.ContentHash.Of(ToKeywords());
}
