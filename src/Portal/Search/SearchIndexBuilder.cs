using System.Collections.Concurrent;
using Portal.Content;

namespace Portal.Search;

/// <summary>Builds an immutable <see cref="SearchIndex"/> from documents: analysis, decompounding, BM25F weights.</summary>
public static class SearchIndexBuilder
{
    private sealed class DocumentWords
    {
        public readonly Dictionary<string, int>[] Fields = Enumerable.Range(0, Ranking.FieldCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        public readonly Dictionary<string, int>[] Paragraphs = Enumerable.Range(0, Ranking.FieldCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        public readonly int[] Lengths = new int[Ranking.FieldCount];
        public readonly Dictionary<string, string> Display = new(StringComparer.Ordinal);
    }

    /// <summary>One document's analysis, compact (arrays, words shared between documents), as the cache keeps it.</summary>
    internal sealed class AnalyzedDocument(KeyValuePair<string, int>[][] fields, KeyValuePair<string, int>[][] paragraphs, int[] lengths, KeyValuePair<string, string>[] display)
    {
        public KeyValuePair<string, int>[][] Fields { get; } = fields;
        public KeyValuePair<string, int>[][] Paragraphs { get; } = paragraphs;
        public int[] Lengths { get; } = lengths;
        public KeyValuePair<string, string>[] Display { get; } = display;
    }

    private static AnalyzedDocument Compact(DocumentWords words, ConcurrentDictionary<string, string> pool)
    {
        string Shared(string word) => pool.GetOrAdd(word, word);
        return new AnalyzedDocument(
            words.Fields.Select(f => f.Select(kv => new KeyValuePair<string, int>(Shared(kv.Key), kv.Value)).ToArray()).ToArray(),
            words.Paragraphs.Select(f => f.Select(kv => new KeyValuePair<string, int>(Shared(kv.Key), kv.Value)).ToArray()).ToArray(),
            words.Lengths,
            // The surface forms too: one string per distinct word in the library, not one per document using it.
            words.Display.Select(kv => new KeyValuePair<string, string>(Shared(kv.Key), Shared(kv.Value))).ToArray());
    }

    /// <summary>
    /// The analysis of each document from the last build, by what the analysis reads (its texts and the law catalogue):
    /// a rebuild after one change analyses that document only. Owned by one caller (SearchService), which builds one
    /// index at a time.
    /// </summary>
    public sealed class AnalysisCache
    {
        internal Dictionary<string, (string Key, AnalyzedDocument Words)> Entries { get; set; } = new(StringComparer.Ordinal);

        internal ConcurrentDictionary<string, string> Pool { get; set; } = new(StringComparer.Ordinal);

        internal string LawStamp { get; set; } = "";

        /// <summary>How many documents the last build analysed (not taken from the cache); for tests and logs.</summary>
        public int LastAnalyzed { get; internal set; }
    }

    private static string LawStampOf(LawCatalog laws) =>
        string.Join('|', laws.Laws.Select(l => l.Key + ":" + string.Join(',', l.Forms) + ":" + string.Join(',', l.Abbreviations)));

    // Kept per document between builds: the hash of what the analysis reads, not a copy of its titles and headings.
    private static string AnalysisKey(SearchDocument d) => d.ContentHash is null ? "" : ContentHash.Of(string.Join('\u001f',
        d.ContentHash, d.Title, d.Summary, string.Join('\u001e', d.LegalBasis), string.Join('\u001e', d.Tags), string.Join('\u001e', d.Meta),
        string.Join('\u001e', d.Headings), d.BodyLength));

    private sealed record WordInfo(string Stem, string[] PartStems);

    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, LawCatalog laws, SynonymSet synonyms, AnalysisCache? cache = null)
    {
        // 1. Words per document and field, in parallel; from the cache what has not changed since the last build.
        var words = new AnalyzedDocument[documents.Count];
        var lawParser = new LawQueryParser(laws);
        var lawStamp = cache is null ? "" : LawStampOf(laws);
        if (cache is not null && cache.LawStamp != lawStamp)
        {
            cache.Entries = new(StringComparer.Ordinal);
            cache.Pool = new(StringComparer.Ordinal);
            cache.LawStamp = lawStamp;
        }
        var pool = cache?.Pool ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var keys = new string[documents.Count];
        var analyzed = 0;
        Parallel.For(0, documents.Count, i =>
        {
            var document = documents[i];
            keys[i] = cache is null ? "" : AnalysisKey(document);
            if (cache is not null && keys[i].Length > 0 && cache.Entries.TryGetValue(document.Slug, out var entry) && entry.Key == keys[i])
            {
                words[i] = entry.Words;
                return;
            }
            Interlocked.Increment(ref analyzed);
            words[i] = Compact(Analyze(document, laws, lawParser), pool);
        });
        if (cache is not null)
        {
            var entries = new Dictionary<string, (string Key, AnalyzedDocument Words)>(documents.Count, StringComparer.Ordinal);
            for (var i = 0; i < documents.Count; i++)
            {
                if (keys[i].Length > 0)
                {
                    entries[documents[i].Slug] = (keys[i], words[i]);
                }
            }
            cache.Entries = entries;
            cache.LastAnalyzed = analyzed;
            // The shared words of documents long gone would otherwise stay: start the pool again when it has doubled.
            if (pool.Count > 2 * Math.Max(1000, entries.Count * 4))
            {
                cache.Pool = new(StringComparer.Ordinal);
            }
        }

        // 2. The corpus vocabulary: surface words and stems, which also feed the decompounder.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in words)
        {
            foreach (var field in doc.Fields)
            {
                foreach (var (word, tf) in field)
                {
                    counts[word] = counts.GetValueOrDefault(word) + tf;
                }
            }
            foreach (var (word, original) in doc.Display)
            {
                display.TryAdd(word, original);
            }
        }
        var distinct = counts.Keys.ToArray();
        var stems = new string[distinct.Length];
        Parallel.For(0, distinct.Length, i => stems[i] = DanishStemmer.Stem(distinct[i]));
        var known = new Dictionary<string, int>(counts, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            known[stems[i]] = known.GetValueOrDefault(stems[i]) + counts[distinct[i]];
        }
        var decompounder = new Decompounder(known);
        var info = new ConcurrentDictionary<string, WordInfo>(StringComparer.Ordinal);
        Parallel.For(0, distinct.Length, i =>
        {
            var parts = decompounder.SplitUncached(distinct[i]).Select(DanishStemmer.Stem).Where(p => p != stems[i]).Distinct().ToArray();
            info[distinct[i]] = new WordInfo(stems[i], parts);
        });

        // 3. Weighted term frequencies per document (BM25 saturation per field, then field weights).
        var averages = new float[Ranking.FieldCount];
        for (var f = 0; f < Ranking.FieldCount; f++)
        {
            averages[f] = Math.Max(1f, (float)words.Select(w => (double)w.Lengths[f]).DefaultIfEmpty(1).Average());
        }
        var perDocument = new KeyValuePair<string, float>[documents.Count][];
        // A plain dictionary for the many reads that follow (one per word, field and document).
        var wordInfo = new Dictionary<string, WordInfo>(info, StringComparer.Ordinal);
        Parallel.For(0, documents.Count, i => perDocument[i] = Weigh(words[i], wordInfo, averages));

        var postings = new Dictionary<string, (List<int> Docs, List<float> Weights)>(StringComparer.Ordinal);
        for (var d = 0; d < perDocument.Length; d++)
        {
            foreach (var (term, weight) in perDocument[d])
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = ([], []);
                }
                list.Docs.Add(d);
                list.Weights.Add(weight);
            }
        }
        var n = documents.Count;
        var terms = postings.ToDictionary(p => p.Key, p => new Posting(p.Value.Docs.ToArray(), p.Value.Weights.ToArray(),
            (float)Math.Log(1 + (n - p.Value.Docs.Count + 0.5) / (p.Value.Docs.Count + 0.5))), StringComparer.Ordinal);

        var titleTerms = words.Select(w => TitleTerms(w, wordInfo)).ToArray();
        var vocabulary = new Vocabulary(distinct.Select((w, i) => new VocabularyWord(w, display.GetValueOrDefault(w, w), stems[i], counts[w])));
        return new SearchIndex(documents, terms, titleTerms, vocabulary, decompounder, synonyms, lawParser);
    }

    private static DocumentWords Analyze(SearchDocument doc, LawCatalog laws, LawQueryParser lawParser)
    {
        var result = new DocumentWords();
        Add(result, SearchField.Title, doc.Title, laws);
        foreach (var text in doc.LegalBasis)
        {
            Add(result, SearchField.LegalBasis, text, laws);
        }
        foreach (var text in doc.Tags)
        {
            Add(result, SearchField.Tags, text, laws);
            // Tags are written like queries ("SEL 41", "BL 86"): read them as the query parser does.
            foreach (var reference in lawParser.Parse(DanishText.Normalize(text)).Where(r => r.Form == ParagraphForm.WithLaw))
            {
                foreach (var p in reference.Paragraphs)
                {
                    var tags = result.Paragraphs[(int)SearchField.Tags];
                    tags[ParagraphTerms.ForLaw(reference.LawKey!, p)] = tags.GetValueOrDefault(ParagraphTerms.ForLaw(reference.LawKey!, p)) + 1;
                    tags[ParagraphTerms.Any(p)] = tags.GetValueOrDefault(ParagraphTerms.Any(p)) + 1;
                }
            }
        }
        Add(result, SearchField.Summary, doc.Summary ?? "", laws);
        foreach (var text in doc.Headings)
        {
            Add(result, SearchField.Headings, text, laws);
        }
        foreach (var text in doc.Meta)
        {
            Add(result, SearchField.Meta, text, laws);
        }
        Add(result, SearchField.Body, doc.Body, laws);
        return result;
    }

    private static void Add(DocumentWords into, SearchField field, string text, LawCatalog laws)
    {
        var f = (int)field;
        var counts = into.Fields[f].GetAlternateLookup<ReadOnlySpan<char>>();
        DanishText.ForEachWord(text, (word, start, length, folded) =>
        {
            if (counts.TryGetValue(word, out var key, out var count))
            {
                counts.Dictionary[key] = count + 1;
            }
            else
            {
                var added = word.ToString();
                if (DanishText.IsStopWord(added))
                {
                    return;
                }
                counts.Dictionary[added] = 1;
                if (folded)
                {
                    into.Display.TryAdd(added, text.Substring(start, length).ToLowerInvariant());
                }
            }
            into.Lengths[f]++;
        });
        foreach (var term in DocumentParagraphs.Extract(text, laws))
        {
            into.Paragraphs[f][term] = into.Paragraphs[f].GetValueOrDefault(term) + 1;
        }
    }

    // Per thread, reused by every document it weighs: term → slot, and the slots' frequencies per field side by side.
    [ThreadStatic]
    private static Dictionary<string, int>? t_slots;

    [ThreadStatic]
    private static float[]? t_frequencies;

    private static KeyValuePair<string, float>[] Weigh(AnalyzedDocument doc, Dictionary<string, WordInfo> info, float[] averages)
    {
        const int fields = Ranking.FieldCount;
        var slots = t_slots ??= new Dictionary<string, int>(StringComparer.Ordinal);
        slots.Clear();
        var tf = t_frequencies ??= new float[256 * fields];
        void Count(string term, int field, float amount)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(slots, term, out var exists);
            if (!exists)
            {
                slot = slots.Count - 1;
                if ((slot + 1) * fields > tf.Length)
                {
                    Array.Resize(ref tf, tf.Length * 2);
                    t_frequencies = tf;
                }
                Array.Clear(tf, slot * fields, fields);
            }
            tf[slot * fields + field] += amount;
        }
        for (var f = 0; f < fields; f++)
        {
            foreach (var (word, count) in doc.Fields[f])
            {
                var wordInfo = info[word];
                Count(wordInfo.Stem, f, count);
                foreach (var part in wordInfo.PartStems)
                {
                    Count(part, f, count * Ranking.PartFactor);
                }
            }
            foreach (var (term, count) in doc.Paragraphs[f])
            {
                Count(term, f, count);
            }
        }
        // In the order the terms were first counted (a dictionary without removals keeps it), as before.
        var result = new KeyValuePair<string, float>[slots.Count];
        foreach (var (term, slot) in slots)
        {
            var weight = 0f;
            for (var f = 0; f < fields; f++)
            {
                var frequency = tf[slot * fields + f];
                if (frequency > 0)
                {
                    var b = Ranking.LengthNormalization[f];
                    var norm = 1 - b + b * doc.Lengths[f] / averages[f];
                    weight += Ranking.FieldWeights[f] * frequency * (Ranking.K1 + 1) / (frequency + Ranking.K1 * norm);
                }
            }
            result[slot] = new(term, weight);
        }
        return result;
    }

    private static HashSet<string> TitleTerms(AnalyzedDocument doc, Dictionary<string, WordInfo> info)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, _) in doc.Fields[(int)SearchField.Title])
        {
            set.Add(info[word].Stem);
            set.UnionWith(info[word].PartStems);
        }
        set.UnionWith(doc.Paragraphs[(int)SearchField.Title].Select(kv => kv.Key));
        return set;
    }
}
