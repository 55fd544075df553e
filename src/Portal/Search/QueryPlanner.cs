namespace Portal.Search;

/// <summary>Turns what a caseworker typed into clauses: paragraphs, synonyms, stems, compound splits, prefixes and typos.</summary>
public sealed class QueryPlanner(SearchIndex index)
{
    /// <summary>Longer queries are cut here: they are pasted text, and the cut bounds the work.</summary>
    public const int MaxQueryLength = 500;
    public const int MaxClauses = 16;
    private const int MaxPrefixExpansions = 30;
    private const int MaxTypoExpansions = 8;

    public QueryPlan Plan(string query, bool relaxed = false)
    {
        query = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var clauses = new List<QueryClause>();
        var (normalized, origin) = DanishText.NormalizeWithOrigin(query);
        var masked = query.ToCharArray();
        foreach (var reference in index.Laws.Parse(normalized))
        {
            var start = origin[reference.Index];
            var end = origin[reference.Index + reference.Length - 1] + 1;
            Array.Fill(masked, ' ', start, end - start);
            var alternatives = index.Laws.TermsFor(reference).Select(t => new QueryAlternative([t.Term], t.Weight)).ToList();
            if (reference.Form == ParagraphForm.Bare)
            {
                alternatives.AddRange(reference.Paragraphs.Select(p => new QueryAlternative([p], 0.8f)));
            }
            clauses.Add(new QueryClause(query[start..end], start, end - start, alternatives) { Known = true });
        }

        var tokens = DanishText.Tokenize(new string(masked)).ToList();
        var content = tokens.Where(t => !DanishText.IsStopWord(t.Word)).ToList();
        if (content.Count == 0 && clauses.Count == 0)
        {
            content = tokens;
        }
        var openEnd = query.Length > 0 && !char.IsWhiteSpace(query[^1]) && !char.IsPunctuation(query[^1]);
        var stems = content.Select(t => DanishStemmer.Stem(t.Word)).ToList();
        for (var i = 0; i < content.Count && clauses.Count < MaxClauses; i++)
        {
            var token = content[i];
            var isLast = openEnd && i == content.Count - 1 && token.Start + token.Length == query.Length;
            var (length, others) = index.Synonyms.Match(stems, i);
            var alternatives = new List<QueryAlternative>();
            if (length > 1)
            {
                alternatives.Add(new QueryAlternative(stems.Skip(i).Take(length).ToArray(), 1f));
            }
            else
            {
                var acronym = IsAcronym(query.AsSpan(token.Start, token.Length));
                alternatives.AddRange(WordAlternatives(token.Word, stems[i], isLast && !acronym, relaxed, others.Count > 0));
            }
            alternatives.AddRange(others.Select(o => new QueryAlternative(o, Ranking.SynonymWeight)));
            var span = Math.Max(length, 1);
            var last = content[i + span - 1];
            clauses.Add(new QueryClause(query[token.Start..(last.Start + last.Length)], token.Start, last.Start + last.Length - token.Start, alternatives)
            {
                Known = index.HasTerm(stems[i]) || span > 1,
                Word = span == 1 ? token.Word : null,
            });
            i += span - 1;
        }
        return new QueryPlan(query, clauses) { AsksHow = tokens.Any(t => HowWords.Contains(t.Word)) };
    }

    /// <summary>A word typed in capitals ("BPA", "STU") is an acronym, not the start of a longer word.</summary>
    private static bool IsAcronym(ReadOnlySpan<char> typed)
    {
        if (typed.Length is < 2 or > 6)
        {
            return false;
        }
        foreach (var ch in typed)
        {
            if (!char.IsUpper(ch) && !char.IsDigit(ch))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Normalised (folded) question words that ask for a way of working.</summary>
    private static readonly HashSet<string> HowWords = new(StringComparer.Ordinal) { "hvordan", "hvorledes", "saadan" };

    private List<QueryAlternative> WordAlternatives(string word, string stem, bool isLast, bool relaxed, bool hasSynonyms)
    {
        var result = new List<QueryAlternative>();
        var known = index.HasTerm(stem);
        if (known)
        {
            result.Add(new QueryAlternative([stem], 1f));
        }
        else if (index.HasTerm(word))
        {
            result.Add(new QueryAlternative([word], 1f));
            known = true;
        }
        // Compound heads and words being typed: "overgang" finds "overgangsresumé", "arbejdsg" finds "arbejdsgang".
        var prefix = relaxed && word.Length > 4 ? word[..4] : word;
        if (prefix.Length >= (isLast && !relaxed ? 2 : 4))
        {
            var weight = !known && isLast ? 0.9f : Ranking.PrefixWeight;
            foreach (var stemOfPrefixed in index.Vocabulary.WithPrefix(prefix, MaxPrefixExpansions).Select(w => w.Stem).Where(s => s != stem).Distinct())
            {
                result.Add(new QueryAlternative([stemOfPrefixed], weight));
            }
        }
        if (known)
        {
            return result;
        }
        // An unknown word with synonyms ("hjemmehjælp" → praktisk hjælp): the synonyms say what it means, not its parts or near spellings.
        if (hasSynonyms && !relaxed)
        {
            return result;
        }
        // A compound the corpus does not have as one word: search its parts together ("handicapbil" → handicap + bil).
        var split = index.Decompounder.TopSplit(word, Decompounder.MinQueryRightLength);
        if (split is var (left, right))
        {
            result.Add(new QueryAlternative([DanishStemmer.Stem(left), DanishStemmer.Stem(right)], Ranking.SplitWeight));
        }
        // One typo forgiven from five letters, two from ten (or when relaxed); a word made of two known words is no typo.
        if (word.Length >= 5 && (split is null || relaxed))
        {
            var distance = word.Length >= 10 || relaxed ? 2 : 1;
            foreach (var (near, d) in index.Vocabulary.Near(word, distance, MaxTypoExpansions))
            {
                result.Add(new QueryAlternative([near.Stem], d == 1 ? Ranking.FuzzyWeight : Ranking.FuzzyWeight * 0.6f));
            }
        }
        return result;
    }
}
