namespace Portal.Search;

/// <summary>One surface word of the corpus (normalised), how it was first written, its stem and how often it occurs.</summary>
public sealed record VocabularyWord(string Word, string Display, string Stem, int Count);

/// <summary>The corpus' words, sorted for prefix look-ups and bucketed by length for typo look-ups.</summary>
public sealed class Vocabulary
{
    private readonly VocabularyWord[] _sorted;
    private readonly string[] _keys;
    private readonly Dictionary<int, VocabularyWord[]> _byLength;
    private readonly Dictionary<string, VocabularyWord> _byWord;

    public Vocabulary(IEnumerable<VocabularyWord> words)
    {
        _sorted = words.OrderBy(w => w.Word, StringComparer.Ordinal).ToArray();
        _keys = _sorted.Select(w => w.Word).ToArray();
        _byLength = _sorted.GroupBy(w => w.Word.Length).ToDictionary(g => g.Key, g => g.ToArray());
        _byWord = _sorted.ToDictionary(w => w.Word, StringComparer.Ordinal);
    }

    public int Count => _sorted.Length;

    public VocabularyWord? Find(string word) => _byWord.GetValueOrDefault(word);

    /// <summary>As <see cref="Find(string)"/> for a word in a buffer, without making a string of it.</summary>
    public VocabularyWord? Find(ReadOnlySpan<char> word) => _byWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var found) ? found : null;

    /// <summary>Words that start with the prefix (not the prefix itself), most frequent first.</summary>
    public IReadOnlyList<VocabularyWord> WithPrefix(string prefix, int max)
    {
        var i = Array.BinarySearch(_keys, prefix, StringComparer.Ordinal);
        if (i < 0)
        {
            i = ~i;
        }
        var found = new List<VocabularyWord>();
        for (; i < _keys.Length && _keys[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (_keys[i].Length > prefix.Length)
            {
                found.Add(_sorted[i]);
            }
        }
        return found.Count <= max ? found : found.OrderByDescending(w => w.Count).Take(max).ToList();
    }

    /// <summary>Words within the given number of edits (insert, delete, substitute, swap neighbours), nearest then most frequent first.</summary>
    public IReadOnlyList<(VocabularyWord Word, int Distance)> Near(string word, int maxDistance, int max)
    {
        var found = new List<(VocabularyWord, int)>();
        for (var length = word.Length - maxDistance; length <= word.Length + maxDistance; length++)
        {
            if (!_byLength.TryGetValue(length, out var bucket))
            {
                continue;
            }
            foreach (var candidate in bucket)
            {
                var d = EditDistance.Bounded(word, candidate.Word, maxDistance);
                if (d > 0 && d <= maxDistance)
                {
                    found.Add((candidate, d));
                }
            }
        }
        return found.OrderBy(f => f.Item2).ThenByDescending(f => f.Item1.Count).Take(max).ToList();
    }
}

/// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), giving up past a bound.</summary>
public static class EditDistance
{
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        var n = a.Length;
        var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> current = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(prev[j] + 1, current[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, prev2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            var swap = prev2;
            prev2 = prev;
            prev = current;
            current = swap;
        }
        return prev[m];
    }
}
