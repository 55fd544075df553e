using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Search;

/// <summary>How a paragraph was written in the query: with a law ("SEL 41"), with § or "paragraf", or as a bare number.</summary>
public enum ParagraphForm
{
    WithLaw,
    WithSymbol,
    Bare,
}

/// <summary>A paragraph reference found in a query, and where it stood.</summary>
public sealed record ParagraphQuery(int Index, int Length, string Text, string? LawKey, IReadOnlyList<string> Paragraphs, ParagraphForm Form);

/// <summary>
/// Finds paragraph references in what a caseworker types: "§ 86", "86", "SEL 41", "paragraf 42",
/// "barnets lov 87", "servicelovens § 85", "fvl §§ 22-24". Law names come from love.yml, matched without regard to case.
/// </summary>
public sealed class LawQueryParser
{
    public const string BarnetsLov = "barnets-lov";
    public const string Serviceloven = "serviceloven";
    private const string Number = @"\d{1,4}(?:\s?[a-z](?![a-z0-9]))?";

    private readonly Regex _pattern;
    private readonly Dictionary<string, string> _lawByForm = new(StringComparer.Ordinal);

    public LawQueryParser(LawCatalog catalog)
    {
        Catalog = catalog;
        foreach (var law in catalog.Laws)
        {
            foreach (var form in law.Forms.Concat(law.Abbreviations).Append(law.Name))
            {
                _lawByForm.TryAdd(Squash(DanishText.Normalize(form)), law.Key);
            }
        }
        var forms = _lawByForm.Keys.OrderByDescending(f => f.Length).Select(f => Regex.Escape(f).Replace("\\ ", "\\s+")).ToList();
        var lawAlt = forms.Count == 0 ? "(?!)" : string.Join('|', forms);
        _pattern = new Regex(
            $@"(?<![\p{{L}}\d])(?:(?<law>{lawAlt})\s*)?(?<sym>§§?|paragraf\p{{L}}*|pgf\.?|par\.|art\.|artikel)?\s*(?<n1>{Number})(?:\s*(?<sep>-|–|og|,)\s*(?<n2>{Number}))?(?![\d\p{{L}}])",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    public LawCatalog Catalog { get; }

    /// <summary>The references in a normalised (lower-case, folded) query, left to right.</summary>
    public IReadOnlyList<ParagraphQuery> Parse(string normalizedQuery)
    {
        var result = new List<ParagraphQuery>();
        try
        {
            foreach (Match m in _pattern.Matches(normalizedQuery))
            {
                var law = m.Groups["law"].Success ? _lawByForm.GetValueOrDefault(Squash(m.Groups["law"].Value)) : null;
                var form = law is not null ? ParagraphForm.WithLaw : m.Groups["sym"].Success ? ParagraphForm.WithSymbol : ParagraphForm.Bare;
                var n1 = Clean(m.Groups["n1"].Value);
                var paragraphs = new List<string> { n1 };
                if (m.Groups["n2"].Success)
                {
                    var n2 = Clean(m.Groups["n2"].Value);
                    var isRange = m.Groups["sep"].Value is "-" or "–";
                    paragraphs.AddRange(isRange ? Range(n1, n2) : [n2]);
                }
                result.Add(new ParagraphQuery(m.Index, m.Length, m.Value.Trim(), law, paragraphs.Distinct().ToList(), form));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological query is searched as plain words.
        }
        return result;
    }

    /// <summary>The index terms for a reference with their weights, including the former-SEL ↔ Barnets Lov mapping.</summary>
    public IEnumerable<(string Term, float Weight)> TermsFor(ParagraphQuery query)
    {
        var map = Catalog.FormerSelToBarnetsLov;
        foreach (var p in query.Paragraphs)
        {
            if (query.LawKey is { } law)
            {
                yield return (ParagraphTerms.ForLaw(law, p), 1f);
                yield return (ParagraphTerms.Any(p), 0.3f);
                if (law == Serviceloven && map.TryGetValue(p, out var bl))
                {
                    yield return (ParagraphTerms.ForLaw(BarnetsLov, bl), 1f);
                }
                if (law == BarnetsLov)
                {
                    foreach (var sel in map.Where(kv => kv.Value == p).Select(kv => kv.Key))
                    {
                        yield return (ParagraphTerms.ForLaw(Serviceloven, sel), 0.9f);
                    }
                }
                continue;
            }
            yield return (ParagraphTerms.Any(p), 1f);
            if (map.TryGetValue(p, out var mapped))
            {
                yield return (ParagraphTerms.ForLaw(BarnetsLov, mapped), 0.8f);
            }
            foreach (var sel in map.Where(kv => kv.Value == p).Select(kv => kv.Key))
            {
                yield return (ParagraphTerms.ForLaw(Serviceloven, sel), 0.8f);
            }
        }
    }

    private static string Clean(string number) => number.Replace(" ", "");

    private static IEnumerable<string> Range(string from, string to)
    {
        if (int.TryParse(from, out var a) && int.TryParse(to, out var b) && b > a && b - a <= 20)
        {
            return Enumerable.Range(a + 1, b - a).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return [to];
    }

    private static string Squash(string form) => Regex.Replace(form, @"\s+", " ").Trim();
}

/// <summary>Index terms for paragraphs: "§86" for any law, "§barnets-lov:86" for one law.</summary>
public static class ParagraphTerms
{
    public static string Any(string paragraph) => "§" + paragraph;

    public static string ForLaw(string lawKey, string paragraph) => "§" + lawKey + ":" + paragraph;
}
