using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Portal.Content;

/// <summary>One law from love.yml: how it is written in text and where it lives on the law portal.</summary>
public sealed record Law(string Key, string Name, IReadOnlyList<string> Forms, IReadOnlyList<string> Abbreviations, string? Path, string? Url)
{
    /// <summary>Paragraphs checked against a source (love.yml 'verificerede-paragraffer'); null = the law's references are not checked.</summary>
    public IReadOnlySet<string>? VerifiedParagraphs { get; init; }

    /// <summary>A reference nobody has checked against the law text: shown as a warning on Indholdsfejl.</summary>
    public bool IsUnverified(string paragraph) => VerifiedParagraphs is { } verified && !verified.Contains(paragraph.Replace(" ", ""));
}

/// <summary>A law reference found in text: its position, the law and the paragraph(s).</summary>
public sealed record LawMatch(int Index, int Length, string Text, Law Law, string Paragraph);

/// <summary>
/// The laws of content/love.yml and a recogniser for references such as "Barnets Lov § 86",
/// "servicelovens § 41", "SEL § 85, stk. 2" and "forvaltningslovens §§ 22-24". Link, don't quote.
/// </summary>
public sealed class LawCatalog
{
    public const string FileName = "love.yml";

    // A safety net only: the pattern has no nested quantifiers. Generous, because the timeout is wall-clock
    // time and a busy 2-core machine can deschedule a thread for a second.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    // Every content sync builds a new catalog; the pattern only changes with love.yml, so the compiled
    // regex (fast on every letter and page) is built once per distinct pattern, not once per sync.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> s_patterns = new(StringComparer.Ordinal);

    private readonly Regex? _pattern;
    private readonly Dictionary<string, Law> _byForm;
    private readonly string _baseUrl;

    public LawCatalog(IReadOnlyList<Law> laws, IReadOnlyDictionary<string, string> formerSelToBarnetsLov, string baseUrl)
    {
        Laws = laws;
        FormerSelToBarnetsLov = formerSelToBarnetsLov;
        _baseUrl = baseUrl.TrimEnd('/');
        _byForm = new Dictionary<string, Law>(StringComparer.Ordinal);
        foreach (var law in laws)
        {
            foreach (var form in law.Forms)
            {
                _byForm[form.ToLowerInvariant()] = law;
            }
            foreach (var abbr in law.Abbreviations)
            {
                _byForm[abbr] = law;
            }
        }
        if (laws.Count > 0)
        {
            // Longest forms first so "barnets lovs" wins over "barnets lov".
            var forms = laws.SelectMany(l => l.Forms).OrderByDescending(f => f.Length).Select(f => Regex.Escape(f).Replace("\\ ", "\\s+"));
            var abbrs = laws.SelectMany(l => l.Abbreviations).OrderByDescending(f => f.Length).Select(Regex.Escape);
            var lawAlt = $"(?<law>(?i:{string.Join('|', forms)})|{string.Join('|', abbrs.DefaultIfEmpty("(?!)"))})";
            const string number = @"\d+(?:\s?[a-z](?![a-zæøå]))?";
            _pattern = s_patterns.GetOrAdd(
                $@"(?<![\p{{L}}\d]){lawAlt}\s*(?:(?<sym>§§?)|(?i:art\.|artikel|artikler))\s*(?<n1>{number})(?:\s*(?:-|–|og)\s*(?<n2>{number}))?(?:,\s*stk\.\s*\d+(?:,\s*nr\.\s*\d+)?)?",
                static p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout));
        }
    }

    public IReadOnlyList<Law> Laws { get; }

    /// <summary>Former serviceloven paragraph (children) → Barnets Lov paragraph, e.g. "41" → "86".</summary>
    public IReadOnlyDictionary<string, string> FormerSelToBarnetsLov { get; }

    public static LawCatalog Empty(string baseUrl) => new([], new Dictionary<string, string>(), baseUrl);

    public IReadOnlyList<LawMatch> FindAll(string text)
    {
        // The pattern needs § or "art." / "artikel(ler)": most text has neither (and "art" alone is in "partshøring").
        if (_pattern is null || text.IndexOf('§') < 0 && text.IndexOf("art.", StringComparison.OrdinalIgnoreCase) < 0
            && text.IndexOf("artik", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return [];
        }
        var result = new List<LawMatch>();
        try
        {
            CollectMatches(text, result);
        }
        catch (RegexMatchTimeoutException)
        {
            // Keep what was found; the rest of the text stays plain rather than failing the import.
        }
        return result;
    }

    private void CollectMatches(string text, List<LawMatch> result)
    {
        foreach (Match m in _pattern!.Matches(text))
        {
            var lawText = m.Groups["law"].Value;
            var law = _byForm.GetValueOrDefault(Regex.Replace(lawText, @"\s+", " ").ToLowerInvariant())
                ?? _byForm.GetValueOrDefault(lawText);
            if (law is null)
            {
                continue;
            }
            result.Add(new LawMatch(m.Index, m.Length, m.Value, law, m.Groups["n1"].Value.Replace(" ", "")));
        }
    }

    /// <summary>Parses one lovgrundlag entry; an unrecognised entry keeps its text without a link.</summary>
    public LawReference Parse(string text)
    {
        var match = FindAll(text).FirstOrDefault();
        return match is null
            ? new LawReference(text, null, null, null)
            : new LawReference(text, match.Law.Key, match.Paragraph, UrlFor(match.Law, match.Paragraph));
    }

    public string? UrlFor(Law law, string paragraph)
    {
        var baseUrl = law.Url ?? (law.Path is null ? null : _baseUrl + law.Path);
        if (baseUrl is null)
        {
            return null;
        }
        // Retsinformation anchors paragraphs as #P86; EU regulations have no stable anchor.
        return law.Url is null && !string.IsNullOrEmpty(paragraph) ? $"{baseUrl}#P{paragraph}" : baseUrl;
    }

    public static LawCatalog Load(string contentRoot, string baseUrl, List<ContentIssue> issues)
    {
        var root = YamlFile.LoadMapping(Path.Combine(contentRoot, FileName), FileName, issues);
        if (root is null)
        {
            return Empty(baseUrl);
        }
        var laws = new List<Law>();
        if (root.Children.TryGetValue(new YamlScalarNode("love"), out var lawsNode) && lawsNode is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children.OfType<YamlMappingNode>())
            {
                var key = YamlFile.Scalar(item, "nøgle") ?? YamlFile.Scalar(item, "noegle");
                var name = YamlFile.Scalar(item, "navn");
                if (key is null || name is null)
                {
                    issues.Add(new ContentIssue(FileName, (int)item.Start.Line, IssueSeverity.Error, "En lov mangler 'nøgle' eller 'navn'."));
                    continue;
                }
                var forms = YamlFile.List(item, "former").Append(name).Select(f => f.ToLowerInvariant()).Distinct().ToList();
                if (YamlFile.Scalar(item, "verificeret") is "false" or "nej")
                {
                    issues.Add(new ContentIssue(FileName, (int)item.Start.Line, IssueSeverity.Warning,
                        $"Lovbekendtgørelsen for {name} ({YamlFile.Scalar(item, "sti") ?? YamlFile.Scalar(item, "url")}) er ikke bekræftet som den gældende. Slå den op på retsinformation.dk, ret 'sti', og fjern 'verificeret: false'."));
                }
                laws.Add(new Law(key, name, forms, YamlFile.List(item, "forkortelser"), YamlFile.Scalar(item, "sti"), YamlFile.Scalar(item, "url"))
                {
                    VerifiedParagraphs = YamlFile.List(item, "verificerede-paragraffer").Select(p => p.Replace(" ", "")).ToHashSet(StringComparer.OrdinalIgnoreCase),
                });
            }
        }
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.Children.TryGetValue(new YamlScalarNode("tidligere-sel-til-barnets-lov"), out var mapNode) && mapNode is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode { Value: { } from } && v is YamlScalarNode { Value: { } to })
                {
                    // "19 a" and "19a" are the same paragraph; store without spaces as the recogniser does.
                    mapping[from.Replace(" ", "")] = to.Replace(" ", "");
                }
            }
        }
        return new LawCatalog(laws, mapping, baseUrl);
    }
}
