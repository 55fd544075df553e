using Portal.Content;
using YamlDotNet.RepresentationModel;

namespace Portal.Search;

/// <summary>
/// Synonym groups from content/synonymer.yml, kept by coordinators: every word in a group finds the others.
/// Members may be phrases ("tabt arbejdsfortjeneste"); they are matched on stems, so inflections count.
/// </summary>
public sealed class SynonymSet
{
    public const string FileName = "synonymer.yml";

    public static readonly SynonymSet Empty = new([]);

    private readonly Dictionary<string, List<(string[] Stems, int Group)>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly string[][][] _groupStems;

    public SynonymSet(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        Groups = groups;
        _groupStems = groups.Select(g => g.Select(Analyze).Where(s => s.Length > 0).ToArray()).ToArray();
        for (var g = 0; g < _groupStems.Length; g++)
        {
            foreach (var member in _groupStems[g])
            {
                if (!_byFirstStem.TryGetValue(member[0], out var list))
                {
                    _byFirstStem[member[0]] = list = [];
                }
                list.Add((member, g));
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>A member as the search sees it: the stems of its words, without stop words.</summary>
    public static string[] Analyze(string phrase) => DanishText.Tokenize(phrase)
        .Select(t => t.Word).Where(w => !DanishText.IsStopWord(w)).Select(DanishStemmer.Stem).ToArray();

    /// <summary>The longest member starting at stems[start]: how many stems it covers and the other members of its group(s).</summary>
    public (int Length, IReadOnlyList<string[]> Others) Match(IReadOnlyList<string> stems, int start)
    {
        if (!_byFirstStem.TryGetValue(stems[start], out var candidates))
        {
            return (0, []);
        }
        var length = 0;
        var groups = new List<int>();
        foreach (var (member, group) in candidates)
        {
            if (start + member.Length > stems.Count || !member.AsSpan().SequenceEqual(stems.Skip(start).Take(member.Length).ToArray()))
            {
                continue;
            }
            if (member.Length > length)
            {
                length = member.Length;
                groups.Clear();
            }
            if (member.Length == length)
            {
                groups.Add(group);
            }
        }
        if (length == 0)
        {
            return (0, []);
        }
        var matched = stems.Skip(start).Take(length).ToArray();
        var others = groups.SelectMany(g => _groupStems[g]).Where(m => !m.AsSpan().SequenceEqual(matched))
            .DistinctBy(m => string.Join(' ', m)).ToList();
        return (length, others);
    }

    /// <summary>Reads the file; a missing file gives no synonyms, a broken one is reported and gives null (keep the last good set).</summary>
    public static SynonymSet? Load(string contentRoot, List<ContentIssue> issues)
    {
        var path = Path.Combine(contentRoot, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }
        var root = YamlFile.LoadMapping(path, FileName, issues);
        if (root is null)
        {
            return null;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("grupper"), out var node) || node is not YamlSequenceNode seq)
        {
            issues.Add(new ContentIssue(FileName, 1, IssueSeverity.Error, "Filen skal have en liste 'grupper:' med en gruppe pr. linje, fx '- [rådgiver, sagsbehandler]'."));
            return null;
        }
        var groups = new List<IReadOnlyList<string>>();
        if (!ReadAcronyms(root, groups, issues))
        {
            return null;
        }
        foreach (var item in seq.Children)
        {
            var members = item is YamlSequenceNode group
                ? group.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList()
                : [];
            if (members.Count < 2)
            {
                issues.Add(new ContentIssue(FileName, (int)item.Start.Line, IssueSeverity.Warning, "En gruppe skal have mindst to ord, fx '- [værge, partsrepræsentant]'."));
                continue;
            }
            groups.Add(members);
        }
        return new SynonymSet(groups);
    }

    /// <summary>The optional 'forkortelser:' mapping (BPA: borgerstyret personlig assistance): each acronym and its long forms find each other.</summary>
    private static bool ReadAcronyms(YamlMappingNode root, List<IReadOnlyList<string>> groups, List<ContentIssue> issues)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("forkortelser"), out var node))
        {
            return true;
        }
        if (node is not YamlMappingNode map)
        {
            issues.Add(new ContentIssue(FileName, (int)node.Start.Line, IssueSeverity.Error, "'forkortelser:' skal have én forkortelse pr. linje, fx 'BPA: borgerstyret personlig assistance'."));
            return false;
        }
        foreach (var (key, value) in map.Children)
        {
            var acronym = (key as YamlScalarNode)?.Value?.Trim() ?? "";
            var longForms = value switch
            {
                YamlScalarNode scalar => [scalar.Value?.Trim() ?? ""],
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").ToList(),
                _ => new List<string>(),
            };
            longForms.RemoveAll(f => f.Length == 0);
            if (acronym.Length == 0 || longForms.Count == 0)
            {
                issues.Add(new ContentIssue(FileName, (int)key.Start.Line, IssueSeverity.Warning, $"Forkortelsen '{acronym}' mangler sin lange form, fx 'BPA: borgerstyret personlig assistance'."));
                continue;
            }
            groups.Add([acronym, .. longForms]);
        }
        return true;
    }
}
