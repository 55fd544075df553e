using System.Diagnostics;
using Portal.Content;
using Portal.Search;
using Portal.Tests.Search;

namespace Portal.SearchBenchmarks;

/// <summary>Measures each engine on the same corpus and query set: quality on the real library, speed on a generated one.</summary>
public static class Comparison
{
    public static void Run(string contentPath, string queriesPath, int generated, int rounds)
    {
        var snapshot = ContentLoader.Load(contentPath);
        var real = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
        var synonyms = SynonymSet.Load(contentPath, []) ?? SynonymSet.Empty;
        var queries = RelevanceSet.Load(queriesPath);
        var corpus = real.Concat(CorpusGenerator.Generate(real, generated)).ToList();
        Console.WriteLine($"Rigtigt bibliotek: {real.Count} dokumenter. Genereret korpus: {corpus.Count} dokumenter, {corpus.Sum(d => (long)d.Body.Length) / corpus.Count} tegn i snit. {queries.Count} søgninger × {rounds} runder.");
        Console.WriteLine($"Maskine: {Environment.ProcessorCount} kerner, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| Motor | recall@5 | MRR | bygning 10k (væg / CPU) | p50 | p95 | maks | hukommelse (indeks) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var engine in new ISearchEngine[] { new InMemoryEngine(), new LuceneEngine() })
        {
            engine.Build(real, snapshot.Laws, synonyms);
            var (recall, mrr, _) = RelevanceSet.Run(queries, q => engine.Search(q, 10));

            Collect();
            var before = GC.GetTotalMemory(true);
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var build = Stopwatch.StartNew();
            engine.Build(corpus, snapshot.Laws, synonyms);
            build.Stop();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Collect();
            var memory = GC.GetTotalMemory(true) - before;

            foreach (var q in queries)
            {
                engine.Search(q.Query, 20);
            }
            var samples = new List<double>(queries.Count * rounds);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in queries)
                {
                    var start = Stopwatch.GetTimestamp();
                    engine.Search(q.Query, 20);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            samples.Sort();
            Console.WriteLine($"| {engine.Name} | {recall:0.000} | {mrr:0.000} | {build.Elapsed.TotalSeconds:0.00} s / {cpu.TotalSeconds:0.00} s | {Percentile(samples, 0.50):0.00} ms | {Percentile(samples, 0.95):0.00} ms | {samples[^1]:0.00} ms | {memory / 1024.0 / 1024.0:0} MB |");
            (engine as IDisposable)?.Dispose();
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
