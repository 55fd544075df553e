using System.Net;

namespace Portal.LetterBenchmarks;

/// <summary>
/// The same letter as a composite format string: the generated HTML with each example value that appears in it replaced
/// by a placeholder. string.Format of it is the floor the letter pipeline is measured against.
/// </summary>
public static class FormatBaseline
{
    public static (string Format, object[] Args) From(string html, IReadOnlyDictionary<string, object?> example)
    {
        var format = html.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var args = new List<object>();
        var values = example.Values.SelectMany(Strings).Where(v => v.Length >= 4).Distinct().OrderByDescending(v => v.Length);
        foreach (var value in values)
        {
            foreach (var form in new[] { WebUtility.HtmlEncode(value), value }.Distinct())
            {
                var escaped = form.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
                if (format.Contains(escaped, StringComparison.Ordinal))
                {
                    format = format.Replace(escaped, "{" + args.Count + "}", StringComparison.Ordinal);
                    args.Add(form);
                    break;
                }
            }
        }
        return (format, args.ToArray());
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        IEnumerable<object?> list => list.SelectMany(Strings),
        IDictionary<string, object?> map => map.Values.SelectMany(Strings),
        _ => [],
    };
}
