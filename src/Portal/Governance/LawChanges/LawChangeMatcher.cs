using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Governance;

/// <summary>A paragraph of a law: "serviceloven" + "100".</summary>
public sealed record LawParagraph(string LawKey, string Paragraph);

/// <summary>Finds the documents citing a changed paragraph, through the same law-reference parser as the documents' links.</summary>
public static partial class LawChangeMatcher
{
    /// <summary>The paragraphs named in "Serviceloven § 100" or "Barnets Lov §§ 86-87" (ranges and "og" expanded).</summary>
    public static IReadOnlySet<LawParagraph> Paragraphs(LawCatalog laws, string text)
    {
        var result = new HashSet<LawParagraph>();
        foreach (var match in laws.FindAll(text ?? ""))
        {
            result.Add(new LawParagraph(match.Law.Key, match.Paragraph));
            if (Range().Match(match.Text) is { Success: true } range && int.TryParse(range.Groups[1].Value, out var from) && int.TryParse(range.Groups[2].Value, out var to))
            {
                if (range.Groups[0].Value.Contains("og", StringComparison.Ordinal))
                {
                    result.Add(new LawParagraph(match.Law.Key, to.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    for (var n = from; n <= Math.Min(to, from + 50); n++)
                    {
                        result.Add(new LawParagraph(match.Law.Key, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }
            }
        }
        return result;
    }

    /// <summary>Documents (procedures, templates, phrases) whose lovgrundlag or text cites one of <paramref name="changed"/>.</summary>
    public static IReadOnlyList<LibraryDocument> Affected(LibrarySnapshot snapshot, IReadOnlySet<LawParagraph> changed) =>
        changed.Count == 0 ? [] : snapshot.Documents.Where(d => Cites(d, snapshot.Laws, changed)).OrderBy(d => d.Slug, StringComparer.Ordinal).ToList();

    public static bool Cites(LibraryDocument document, LawCatalog laws, IReadOnlySet<LawParagraph> changed)
    {
        var cited = document.LegalBasis.Where(r => r.LawKey is not null && r.Paragraph is not null).Select(r => new LawParagraph(r.LawKey!, r.Paragraph!))
            .Concat(laws.FindAll(document.Body).Select(m => new LawParagraph(m.Law.Key, m.Paragraph)));
        return cited.Any(c => changed.Contains(c) || (document.Area != Area.Adults && FormerChildrensParagraph(laws, c) is { } now && changed.Contains(now)));
    }

    /// <summary>A children's document citing a former SEL number (SEL § 41) cites today's Barnets Lov paragraph (§ 86).</summary>
    private static LawParagraph? FormerChildrensParagraph(LawCatalog laws, LawParagraph cited) =>
        cited.LawKey == ServiceLaw && laws.FormerSelToBarnetsLov.TryGetValue(cited.Paragraph, out var now) ? new LawParagraph(ChildrensLaw, now) : null;

    private const string ServiceLaw = "serviceloven";
    private const string ChildrensLaw = "barnets-lov";

    [GeneratedRegex(@"(\d+)[a-z]?\s*(?:-|–|og)\s*(\d+)")]
    private static partial Regex Range();
}
