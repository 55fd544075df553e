using YamlDotNet.RepresentationModel;

namespace Portal.Content;

/// <summary>The parsed YAML front matter of a content file, with the line of each key for error messages.</summary>
public sealed class FrontMatter
{
    private readonly YamlMappingNode _root;
    private readonly int _lineOffset;

    internal FrontMatter(YamlMappingNode root, string yaml, int lineOffset, int bodyStartLine)
    {
        _root = root;
        Yaml = yaml;
        _lineOffset = lineOffset;
        BodyStartLine = bodyStartLine;
    }

    /// <summary>The 1-based file line where the body (after the closing '---') begins: checks turn body lines into file lines with it.</summary>
    public int BodyStartLine { get; }

    /// <summary>The raw YAML so that features can read their own keys (felter, eksempel, ...).</summary>
    public string Yaml { get; }

    public YamlMappingNode Root => _root;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>The 1-based file line of a key, or of the front matter start when absent.</summary>
    public int LineOf(string key) => Find(key) is { } pair ? (int)pair.Key.Start.Line + _lineOffset : 1;

    public int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    public string? GetString(string key) => Find(key)?.Value is YamlScalarNode scalar ? NullIfEmpty(scalar.Value) : null;

    /// <summary>A list written as a YAML sequence, or a single scalar (comma-separated for tags).</summary>
    public IReadOnlyList<string> GetList(string key, bool splitCommas = false)
    {
        return Find(key)?.Value switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>()
                .Select(s => s.Value?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList(),
            YamlScalarNode { Value: { Length: > 0 } value } => splitCommas
                ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [value.Trim()],
            _ => [],
        };
    }

    public YamlNode? GetNode(string key) => Find(key)?.Value;

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var pair in _root.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } k } && Matches(k, key))
            {
                return pair;
            }
        }
        return null;
    }

    // Accept the ASCII spelling of a Danish key (omraade, resume) as the same key.
    private static bool Matches(string written, string key) =>
        string.Equals(written, key, StringComparison.OrdinalIgnoreCase)
        || string.Equals(TextNormalizer.ToAscii(written), TextNormalizer.ToAscii(key), StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
