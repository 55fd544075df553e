using System.Diagnostics;
using System.Text.RegularExpressions;
using Portal.Content;
using Portal.Search;

namespace Portal.SearchBenchmarks;

/// <summary>
/// Whole answers as the search API gives them (hits with snippets, facets, suggestions) to distinct queries on one
/// thread, so none comes from the answer cache: the in-process figure behind scripts/bench.sh's search rows, steadier
/// than wrk for comparing two builds. The queries are made as bench.sh makes them: each labelled query, and each with
/// one of the library's title words.
/// </summary>
public static partial class Answers
{
    public static void Run(string contentPath, string queriesPath, int count, int rounds)
    {
        var started = Stopwatch.StartNew();
        var snapshot = ContentLoader.Load(contentPath);
        var docs = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
        var synonyms = SynonymSet.Load(contentPath, []) ?? SynonymSet.Empty;
        Console.WriteLine($"{docs.Count} dokumenter indlæst på {started.ElapsedMilliseconds} ms");

        var labelled = Portal.Tests.Search.RelevanceSet.Load(queriesPath).Select(q => q.Query).ToList();
        var words = snapshot.Documents.SelectMany(d => Word().Matches(d.Title).Select(m => m.Value.ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(200).ToList();
        var queries = labelled.Concat(labelled.SelectMany(q => words.Select(w => $"{q} {w}"))).ToList();
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(queries));
        var options = new ContentOptions();
        var today = DateOnly.FromDateTime(DateTime.Today);

        // The first round warms the JIT; each round asks queries not asked before (an index keeps its answers).
        for (var round = 0; round <= rounds; round++)
        {
            var batch = queries.Skip(round * count % Math.Max(1, queries.Count - count)).Take(count).ToList();
            var fresh = SearchIndexBuilder.Build(docs, snapshot.Laws, synonyms);
            var times = new double[batch.Count];
            var hits = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < batch.Count; i++)
            {
                var t = Stopwatch.GetTimestamp();
                hits += Searcher.Search(fresh, new SearchRequest(batch[i]), today, options).Hits.Count;
                times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
            var allocatedPerAnswer = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Math.Max(1, batch.Count);
            if (round == 0)
            {
                continue;
            }
            Array.Sort(times);
            Console.WriteLine($"runde {round}: {batch.Count} svar, middel {times.Average():0.000} ms, p50 {times[times.Length / 2]:0.000} ms, " +
                $"p95 {times[(int)(times.Length * 0.95)]:0.000} ms, {hits} hits, {allocatedPerAnswer / 1024} KB allokeret pr. svar");
        }
    }

    [GeneratedRegex("[A-Za-zÆØÅæøå]{5,}")]
    private static partial Regex Word();
}
