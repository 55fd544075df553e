using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Portal.Search;

/// <summary>
/// Picks the passage of a document that best matches the query and marks the matched words with &lt;mark&gt;.
/// Everything else is HTML-escaped, so the result is safe to render as markup.
/// </summary>
public static class Snippets
{
    public const int MaxLength = 240;

    // Escapes markup characters but keeps æ, ø, å readable in the API's JSON.
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string For(SearchDocument doc, QueryPlan plan, SearchIndex index)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(doc.Summary))
        {
            candidates.Add(doc.Summary);
        }
        candidates.AddRange(doc.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        string? bestText = null;
        List<(int Start, int Length)> bestMarks = [];
        var bestScore = 0.0;
        foreach (var text in candidates)
        {
            var marks = Matches(text, plan, index);
            if (marks.Count == 0)
            {
                continue;
            }
            var distinct = marks.Select(m => DanishText.Normalize(text.AsSpan(m.Start, m.Length))).Distinct().Count();
            var score = distinct + 0.1 * marks.Count;
            if (score > bestScore)
            {
                (bestScore, bestText, bestMarks) = (score, text, marks);
            }
        }
        if (bestText is null)
        {
            var fallback = candidates.FirstOrDefault() ?? "";
            return s_encoder.Encode(Cut(fallback, 0, out _));
        }
        var window = Cut(bestText, bestMarks[0].Start, out var offset);
        return Render(window, offset, bestText.Length, bestMarks);
    }

    /// <summary>The spans of words and paragraph references in the text that the query matches.</summary>
    public static List<(int Start, int Length)> Matches(string text, QueryPlan plan, SearchIndex index)
    {
        var marks = new List<(int Start, int Length)>();
        var verdicts = plan.WordMatches.GetAlternateLookup<ReadOnlySpan<char>>();
        // Words come in a reused buffer (no string per word); a word's verdict is computed once per query.
        DanishText.ForEachWord(text, (word, start, length, _) =>
        {
            if (!verdicts.TryGetValue(word, out var match))
            {
                var key = word.ToString();
                match = !DanishText.IsStopWord(key) && IsMatch(key, plan, index);
                verdicts[key] = match;
            }
            if (match)
            {
                marks.Add((start, length));
            }
        });
        if (plan.HasParagraphTerms)
        {
            foreach (var (start, length, terms) in DocumentParagraphs.Find(text, index.Laws.Catalog))
            {
                if (terms.Any(plan.Terms.Contains))
                {
                    marks.RemoveAll(m => m.Start >= start && m.Start < start + length);
                    marks.Add((start, length));
                }
            }
        }
        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        return marks;
    }

    private static bool IsMatch(string word, QueryPlan plan, SearchIndex index)
    {
        var stem = index.Vocabulary.Find(word)?.Stem ?? DanishStemmer.Stem(word);
        if (plan.Terms.Contains(stem) || plan.Terms.Contains(word))
        {
            return true;
        }
        return index.Decompounder.Split(word).Any(part => plan.Terms.Contains(DanishStemmer.Stem(part)));
    }

    private static string Cut(string text, int firstMatch, out int offset)
    {
        offset = 0;
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var start = Math.Max(0, Math.Min(firstMatch - 60, text.Length - MaxLength));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < firstMatch ? space + 1 : start;
        }
        var end = Math.Min(text.Length, start + MaxLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start + MaxLength / 2 ? space : end;
        }
        offset = start;
        return text[start..end];
    }

    private static string Render(string window, int offset, int fullLength, List<(int Start, int Length)> marks)
    {
        var sb = new StringBuilder(window.Length + 64);
        if (offset > 0)
        {
            sb.Append("… ");
        }
        var position = 0;
        foreach (var (start, length) in marks)
        {
            var s = start - offset;
            var e = Math.Min(s + length, window.Length);
            if (s < position || s >= window.Length)
            {
                continue;
            }
            sb.Append(s_encoder.Encode(window[position..s]));
            sb.Append("<mark>").Append(s_encoder.Encode(window[s..e])).Append("</mark>");
            position = e;
        }
        sb.Append(s_encoder.Encode(window[position..]));
        if (offset + window.Length < fullLength)
        {
            sb.Append(" …");
        }
        return sb.ToString();
    }
}
