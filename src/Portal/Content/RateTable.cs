using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Portal.Content;

/// <summary>One period of a rate: the amount valid from From to To (both inclusive; To null = until further notice).</summary>
public sealed record RatePeriod(decimal Amount, DateOnly From, DateOnly? To, bool Verified, string? Source, int Line)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);
}

/// <summary>A rate from satser.yml (e.g. kompensationsydelsens standardbeløb) with its periods, owner and review date.</summary>
public sealed record Rate(string Key, string Name, string Unit, string? Owner, DateOnly? ReviewDate, IReadOnlyList<RatePeriod> Periods, int Line)
{
    public RatePeriod? ValidOn(DateOnly date) => Periods.FirstOrDefault(p => p.Covers(date));
}

/// <summary>
/// content/satser.yml: the amounts templates use, by period. Templates read them with <c>sats "nøgle"</c> for the
/// letter's date, so no amount is typed into a template and a new year is one edit by the rates' owner.
/// </summary>
public sealed class RateTable
{
    public const string FileName = "satser.yml";

    public static readonly RateTable Empty = new([]);

    private readonly Dictionary<string, Rate> _byKey;

    public RateTable(IReadOnlyList<Rate> rates)
    {
        Rates = rates;
        _byKey = rates.GroupBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Rate> Rates { get; }

    public Rate? Find(string key) => _byKey.GetValueOrDefault(key.Trim());

    /// <summary>Every amount in the table: a template that contains one as text should use <c>sats</c> instead.</summary>
    public IEnumerable<decimal> KnownAmounts => Rates.SelectMany(r => r.Periods).Select(p => p.Amount).Distinct();

    public static RateTable Load(string contentRoot, DateOnly today, List<ContentIssue> issues)
    {
        var root = YamlFile.LoadMapping(Path.Combine(contentRoot, FileName), FileName, issues);
        if (root is null)
        {
            return Empty;
        }
        var defaultOwner = YamlFile.Scalar(root, "tovholder");
        var defaultReview = YamlFile.Scalar(root, "revideres");
        var rates = new List<Rate>();
        if (!root.Children.TryGetValue(new YamlScalarNode("satser"), out var node) || node is not YamlSequenceNode seq)
        {
            issues.Add(Issue(1, IssueSeverity.Error, "Filen skal have en liste 'satser:' med en sats pr. punkt (nøgle, navn, enhed, perioder)."));
            return Empty;
        }
        foreach (var item in seq.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                issues.Add(Issue(line, IssueSeverity.Error, "Hver sats skal have 'nøgle', 'navn', 'enhed' og 'perioder'."));
                continue;
            }
            var key = YamlFile.Scalar(map, "nøgle") ?? YamlFile.Scalar(map, "noegle");
            var name = YamlFile.Scalar(map, "navn");
            if (key is null || name is null)
            {
                issues.Add(Issue(line, IssueSeverity.Error, "En sats mangler 'nøgle' eller 'navn'."));
                continue;
            }
            if (rates.Any(r => r.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}' står to gange."));
                continue;
            }
            var owner = YamlFile.Scalar(map, "tovholder") ?? defaultOwner;
            if (owner is null)
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}' har ingen 'tovholder' (eller en fælles 'tovholder' øverst i filen)."));
            }
            var reviewText = YamlFile.Scalar(map, "revideres") ?? defaultReview;
            DateOnly? review = ParseDate(reviewText);
            if (review is null)
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}' har ingen gyldig 'revideres' (åååå-mm-dd), fx 2026-12-31."));
            }
            else if (review < today)
            {
                issues.Add(Issue(line, IssueSeverity.Warning, $"Satsen '{key}' skulle have været gennemgået senest {DanishFormat.Date(review.Value)}. Tjek beløbet, og ret 'revideres'."));
            }
            var periods = ReadPeriods(key, map, issues);
            rates.Add(new Rate(key, name, YamlFile.Scalar(map, "enhed") ?? "kr.", owner, review, periods, line));
        }
        return new RateTable(rates);
    }

    private static List<RatePeriod> ReadPeriods(string key, YamlMappingNode map, List<ContentIssue> issues)
    {
        var periods = new List<RatePeriod>();
        if (!map.Children.TryGetValue(new YamlScalarNode("perioder"), out var node) || node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            issues.Add(Issue((int)map.Start.Line, IssueSeverity.Error, $"Satsen '{key}' har ingen 'perioder' (hver med beløb, fra og til)."));
            return periods;
        }
        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            var line = (int)item.Start.Line;
            var amountText = YamlFile.Scalar(item, "beløb") ?? YamlFile.Scalar(item, "beloeb");
            var from = ParseDate(YamlFile.Scalar(item, "fra"));
            var toText = YamlFile.Scalar(item, "til");
            var to = ParseDate(toText);
            // "1.105" would parse as 1,105 kr.: more than two decimals is a thousands separator typed by mistake.
            if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount < 0
                || amountText!.Split('.') is [_, { Length: > 2 }])
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}': 'beløb' skal være et tal uden tusindtalsskilletegn, fx 1105 eller 1105.50, ikke '{amountText}'."));
                continue;
            }
            if (from is null || (toText is not null && to is null))
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}': 'fra' og 'til' skal være datoer (åååå-mm-dd)."));
                continue;
            }
            if (to < from)
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}': perioden slutter ({toText}) før den begynder."));
                continue;
            }
            var verifiedText = YamlFile.Scalar(item, "verificeret");
            var verified = verifiedText is null || verifiedText.ToLowerInvariant() is "true" or "ja";
            var period = new RatePeriod(amount, from.Value, to, verified, YamlFile.Scalar(item, "kilde"), line);
            if (periods.FirstOrDefault(p => p.From <= (period.To ?? DateOnly.MaxValue) && period.From <= (p.To ?? DateOnly.MaxValue)) is { } overlap)
            {
                issues.Add(Issue(line, IssueSeverity.Error, $"Satsen '{key}': perioden fra {period.From:yyyy-MM-dd} overlapper perioden fra {overlap.From:yyyy-MM-dd}."));
                continue;
            }
            if (!verified)
            {
                issues.Add(Issue(line, IssueSeverity.Warning,
                    $"Satsen '{key}' fra {DanishFormat.Date(period.From)} ({amount.ToString("N2", DanishFormat.Culture)} kr.) er ikke verificeret. Breve med satsen bliver kun udkast, til beløbet er slået op og 'verificeret' er fjernet."));
            }
            periods.Add(period);
        }
        periods.Sort((a, b) => a.From.CompareTo(b.From));
        return periods;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static ContentIssue Issue(int line, IssueSeverity severity, string message) => new(FileName, line, severity, message);
}
