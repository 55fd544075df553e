using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Search;

/// <summary>The paragraph terms a document names, found with LawCatalog.FindAll plus bare "§ 86" references.</summary>
public static partial class DocumentParagraphs
{
    [GeneratedRegex(@"\d+(?:\s?[a-z](?![a-zæøå]))?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"§§?\s*(?<n1>\d+(?:\s?[a-z](?![a-zæøå]))?)(?:\s*(?<sep>-|–|og)\s*(?<n2>\d+(?:\s?[a-z](?![a-zæøå]))?))?", RegexOptions.CultureInvariant)]
    private static partial Regex BarePattern();

    /// <summary>The paragraph terms named anywhere in the text.</summary>
    public static IEnumerable<string> Extract(string text, LawCatalog laws) => Find(text, laws).SelectMany(r => r.Terms);

    /// <summary>Each reference's position and terms: "Barnets Lov § 86" gives §barnets-lov:86 and §86, a bare "§ 86" gives §86.</summary>
    public static IEnumerable<(int Index, int Length, string[] Terms)> Find(string text, LawCatalog laws)
    {
        if (!MayName(text))
        {
            yield break;
        }
        var covered = new List<(int Start, int End)>();
        foreach (var match in laws.FindAll(text))
        {
            covered.Add((match.Index, match.Index + match.Length));
            var terms = ParagraphsOf(match.Text).SelectMany(p => new[] { ParagraphTerms.ForLaw(match.Law.Key, p), ParagraphTerms.Any(p) }).ToArray();
            yield return (match.Index, match.Length, terms);
        }
        foreach (Match m in BarePattern().Matches(text))
        {
            if (!covered.Any(c => m.Index >= c.Start && m.Index < c.End))
            {
                yield return (m.Index, m.Length, ParagraphsOf(m.Value).Select(ParagraphTerms.Any).ToArray());
            }
        }
    }

    /// <summary>Whether the text may name a paragraph at all (§, "art." or "artikel"); most text does not.</summary>
    public static bool MayName(ReadOnlySpan<char> text) =>
        text.Contains('§') || text.Contains("art.", StringComparison.OrdinalIgnoreCase) || text.Contains("artikel", StringComparison.OrdinalIgnoreCase);

    /// <summary>"§§ 22-24" → 22, 23, 24; "§ 86 og § 87" → 86, 87; "§ 85, stk. 2" → 85 (not 2).</summary>
    private static IEnumerable<string> ParagraphsOf(string reference)
    {
        var start = reference.IndexOfAny(['§', 'a', 'A']);
        var sign = reference.IndexOf('§');
        var text = sign >= 0 ? reference[sign..] : start >= 0 ? reference[start..] : reference;
        var stk = text.IndexOf("stk", StringComparison.OrdinalIgnoreCase);
        if (stk >= 0)
        {
            text = text[..stk];
        }
        var numbers = NumberPattern().Matches(text).Select(m => m.Value.Replace(" ", "")).ToList();
        if (numbers.Count == 2 && (text.Contains('-') || text.Contains('–'))
            && int.TryParse(numbers[0], out var a) && int.TryParse(numbers[1], out var b) && b > a && b - a <= 20)
        {
            return Enumerable.Range(a, b - a + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return numbers;
    }
}
