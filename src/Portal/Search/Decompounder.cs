namespace Portal.Search;

/// <summary>
/// Splits Danish compounds into words the corpus knows, with the linking "s" or "e":
/// overgangsresume → overgang + resume, arbejdsgangsbeskrivelse → arbejdsgang + beskrivelse (+ arbejd + gang).
/// </summary>
public sealed class Decompounder
{
    private const int MinWordLength = 7;
    private const int MinLeftLength = 3;
    private const int MinRightLength = 4;

    /// <summary>In a query the last part may be a short known word ("bil", "sag"): the caseworker typed a compound on purpose.</summary>
    public const int MinQueryRightLength = 3;

    private readonly Dictionary<string, int> _known;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // Read by every query's snippets at once: lock-free, bounded by a count kept beside it (Count locks every bucket).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _memo = new(StringComparer.Ordinal);
    private int _memoCount;

    /// <param name="known">Words (and stems) the corpus knows, with how often they occur.</param>
    public Decompounder(Dictionary<string, int> known)
    {
        _known = known;
        _lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsKnown(string word) => _known.ContainsKey(word);

    /// <summary>The parts of a compound (all levels), or an empty array when the word is not a compound of known words.</summary>
    public string[] Split(string word)
    {
        if (word.Length < MinWordLength)
        {
            return [];
        }
        if (_memo.TryGetValue(word, out var cached))
        {
            return cached;
        }
        var result = SplitUncached(word);
        if (Volatile.Read(ref _memoCount) < 10_000 && _memo.TryAdd(word, result))
        {
            Interlocked.Increment(ref _memoCount);
        }
        return result;
    }

    /// <summary>As <see cref="Split"/> without the cache: for building, where every word is split once.</summary>
    public string[] SplitUncached(string word)
    {
        var parts = new List<string>();
        Collect(word, parts, depth: 0);
        return parts.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The best split into two known parts (linking letter dropped), or null.</summary>
    public (string Left, string Right)? TopSplit(string word, int minRightLength = MinRightLength)
    {
        if (word.Length < MinWordLength)
        {
            return null;
        }
        var (left, right) = Best(word, minRightLength);
        return left.Length == 0 ? null : (left, right);
    }

    private void Collect(string word, List<string> parts, int depth)
    {
        if (depth > 2 || word.Length < MinWordLength)
        {
            return;
        }
        var (left, right) = Best(word, MinRightLength);
        if (left.Length == 0)
        {
            return;
        }
        parts.Add(left);
        parts.Add(right);
        Collect(left, parts, depth + 1);
        Collect(right, parts, depth + 1);
    }

    /// <summary>The split with the highest geometric mean of part frequencies (Koehn and Knight).</summary>
    private (string Left, string Right) Best(string word, int minRightLength)
    {
        var span = word.AsSpan();
        var bestScore = 0.0;
        (int LeftLength, int Right) best = default;
        for (var i = MinLeftLength; i <= word.Length - minRightLength; i++)
        {
            var right = Count(span[i..]);
            if (right == 0)
            {
                continue;
            }
            var left = Count(span[..i]);
            var leftLength = i;
            // Linking letter: arbejd-s-gang, boern-e-familie.
            if (i - 1 >= MinLeftLength && span[i - 1] is 's' or 'e')
            {
                var stripped = Count(span[..(i - 1)]);
                if (stripped > left)
                {
                    left = stripped;
                    leftLength = i - 1;
                }
            }
            if (left == 0)
            {
                continue;
            }
            var score = Math.Sqrt((double)left * right) + i * 0.01;
            if (score > bestScore)
            {
                bestScore = score;
                best = (leftLength, i);
            }
        }
        return bestScore == 0 ? ("", "") : (word[..best.LeftLength], word[best.Right..]);
    }

    private int Count(ReadOnlySpan<char> part)
    {
        if (part.Length < MinLeftLength || !_lookup.TryGetValue(part, out var key, out var count))
        {
            return 0;
        }
        return DanishText.IsStopWord(key) ? 0 : count;
    }
}
