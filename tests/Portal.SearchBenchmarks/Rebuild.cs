using System.Diagnostics;
using Portal.Search;

namespace Portal.SearchBenchmarks;

/// <summary>
/// The index rebuild after one document changed, as every node does for each committed edit: the other documents'
/// analysis comes from the cache, the vocabulary, compounds and weights are computed again.
/// </summary>
public static class Rebuild
{
    public static void Run(string contentPath, int rounds)
    {
        var snapshot = ContentLoader.Load(contentPath);
        var docs = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot) with { ContentHash = d.Slug }).ToList();
        var synonyms = SynonymSet.Load(contentPath, []) ?? SynonymSet.Empty;
        var cache = new SearchIndexBuilder.AnalysisCache();
        SearchIndexBuilder.Build(docs, snapshot.Laws, synonyms, cache);
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // One edit: a sentence added to one document, as a coordinator saves it.
            var i = round * 37 % docs.Count;
            docs[i] = docs[i] with { ContentHash = docs[i].Slug + round, Body = docs[i].Body + $"\nEn ny sætning nummer {round}." };
            var started = Stopwatch.StartNew();
            SearchIndexBuilder.Build(docs, snapshot.Laws, synonyms, cache);
            times.Add(started.Elapsed.TotalMilliseconds);
            Console.WriteLine($"genopbygning {round + 1}: {started.ElapsedMilliseconds} ms ({cache.LastAnalyzed} analyseret)");
        }
        Console.WriteLine($"{docs.Count} dokumenter: median {times.Order().ElementAt(times.Count / 2):0} ms");
    }
}
