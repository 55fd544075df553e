using Portal.Content;
using Portal.Search;
namespace Portal.SearchBenchmarks;

public static class AllocProbe
{
    public static void Run(string contentPath, string queriesPath)
    {
        var snapshot = ContentLoader.Load(contentPath);
        var docs = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
        var synonyms = SynonymSet.Load(contentPath, []) ?? SynonymSet.Empty;
        var index = SearchIndexBuilder.Build(docs, snapshot.Laws, synonyms);
        var queries = Portal.Tests.Search.RelevanceSet.Load(queriesPath).Select(q => q.Query).ToList();
        long plan = 0, rank = 0, snip = 0, suggest = 0, whole = 0; int n = 0;
        var today = DateOnly.FromDateTime(DateTime.Today);
        for (var round = 0; round < 2; round++)
            foreach (var q in queries)
            {
                var a = GC.GetAllocatedBytesForCurrentThread();
                var p = index.Planner.Plan(q);
                var b = GC.GetAllocatedBytesForCurrentThread();
                var ranked = index.Rank(p);
                var c = GC.GetAllocatedBytesForCurrentThread();
                foreach (var r in ranked.Take(20)) Snippets.For(index.Documents[r.Doc], p, index);
                var d = GC.GetAllocatedBytesForCurrentThread();
                Searcher.Suggest(index, p);
                var e = GC.GetAllocatedBytesForCurrentThread();
                Searcher.Search(index, new SearchRequest(q + " x" + round), today, new ContentOptions());
                var f = GC.GetAllocatedBytesForCurrentThread();
                if (round == 1) { plan += b - a; rank += c - b; snip += d - c; suggest += e - d; whole += f - e; n++; }
            }
        Console.WriteLine($"per query KB: plan {plan / n / 1024}, rank {rank / n / 1024}, 20 snippets {snip / n / 1024}, suggest {suggest / n / 1024}, whole search {whole / n / 1024}");
    }
}
