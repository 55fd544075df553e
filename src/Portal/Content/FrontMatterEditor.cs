using System.Text;
using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Content;

/// <summary>A top-level key of front matter and the lines its value spans (0-based, end exclusive).</summary>
public sealed record FrontMatterKey(string Key, int StartLine, int EndLine);

/// <summary>
/// Changes single front matter keys in the YAML text and leaves every other line as written, so
/// comments, templates' field lists and key order survive an edit made through the form.
/// </summary>
public static partial class FrontMatterEditor
{
    [GeneratedRegex(@"^(?<key>[^\s#\-\[\]{}:'""][^:]*?)\s*:(\s|$)")]
    private static partial Regex KeyLine();

    public static IReadOnlyList<FrontMatterKey> Keys(string yaml)
    {
        var lines = SplitLines(yaml);
        var starts = new List<(string Key, int Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (KeyLine().Match(lines[i]) is { Success: true } m)
            {
                starts.Add((m.Groups["key"].Value.Trim(), i));
            }
        }
        var result = new List<FrontMatterKey>(starts.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1].Line : lines.Count;
            // Trailing comments and blank lines belong to what follows, not to this value.
            while (end - 1 > starts[k].Line && (lines[end - 1].Trim().Length == 0 || lines[end - 1].TrimStart().StartsWith('#')))
            {
                end--;
            }
            result.Add(new FrontMatterKey(starts[k].Key, starts[k].Line, end));
        }
        return result;
    }

    public static FrontMatterKey? Find(string yaml, string key) => Keys(yaml).FirstOrDefault(k => SameKey(k.Key, key));

    /// <summary>Sets a scalar value; null or blank removes the key.</summary>
    public static string Set(string yaml, string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Remove(yaml, key) : Replace(yaml, key, [$"{key}: {Scalar(value.Trim())}"]);

    /// <summary>Sets a list: as a block ("- item" lines) or inline ("[a, b]"); an empty list removes the key.</summary>
    public static string SetList(string yaml, string key, IEnumerable<string> items, bool inline = false)
    {
        var values = items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (values.Count == 0)
        {
            return Remove(yaml, key);
        }
        return inline
            ? Replace(yaml, key, [$"{key}: [{string.Join(", ", values.Select(FlowScalar))}]"])
            : Replace(yaml, key, [$"{key}:", .. values.Select(v => "  - " + Scalar(v))]);
    }

    public static string Remove(string yaml, string key)
    {
        if (Find(yaml, key) is not { } found)
        {
            return yaml;
        }
        var lines = SplitLines(yaml);
        lines.RemoveRange(found.StartLine, found.EndLine - found.StartLine);
        return Join(lines);
    }

    /// <summary>A YAML scalar, quoted when plain style would change its meaning.</summary>
    public static string Scalar(string value)
    {
        value = value.Replace("\r", "").Replace('\n', ' ');
        var needsQuotes = value.Length == 0
            || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
            || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
            || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':')
            || value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "null" or "~" or "on" or "off";
        return needsQuotes ? Quote(value) : value;
    }

    public static bool SameKey(string written, string key) =>
        string.Equals(written, key, StringComparison.OrdinalIgnoreCase)
        || string.Equals(TextNormalizer.ToAscii(written), TextNormalizer.ToAscii(key), StringComparison.OrdinalIgnoreCase);

    private static string FlowScalar(string value) => value.IndexOfAny([',', '[', ']', '{', '}']) >= 0 ? Quote(value) : Scalar(value);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Replace(string yaml, string key, IReadOnlyList<string> newLines)
    {
        var lines = SplitLines(yaml);
        if (Find(yaml, key) is { } found)
        {
            lines.RemoveRange(found.StartLine, found.EndLine - found.StartLine);
            lines.InsertRange(found.StartLine, newLines);
        }
        else
        {
            lines.AddRange(newLines);
        }
        return Join(lines);
    }

    private static List<string> SplitLines(string yaml)
    {
        var text = yaml.EndsWith('\n') ? yaml[..^1] : yaml;
        return text.Length == 0 ? [] : [.. text.Split('\n')];
    }

    private static string Join(List<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }
}
