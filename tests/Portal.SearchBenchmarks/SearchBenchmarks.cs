using BenchmarkDotNet.Attributes;
using Portal.Content;
using Portal.Search;
using Portal.Tests.Search;

namespace Portal.SearchBenchmarks;

/// <summary>BenchmarkDotNet view of the chosen engine: full build over 10,000 documents and the whole query set.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class SearchBenchmarks
{
    private List<SearchDocument> _corpus = [];
    private LawCatalog _laws = LawCatalog.Empty("");
    private SynonymSet _synonyms = SynonymSet.Empty;
    private IReadOnlyList<LabelledQuery> _queries = [];
    private SearchIndex _index = SearchIndex.Empty;

    public static string ContentPath { get; set; } = "content";
    public static string QueriesPath { get; set; } = "tests/Portal.Tests/Search/queries.yml";

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = ContentLoader.Load(ContentPath);
        var real = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
        _corpus = real.Concat(CorpusGenerator.Generate(real, 10_000)).ToList();
        _laws = snapshot.Laws;
        _synonyms = SynonymSet.Load(ContentPath, []) ?? SynonymSet.Empty;
        _queries = RelevanceSet.Load(QueriesPath);
        _index = SearchIndexBuilder.Build(_corpus, _laws, _synonyms);
    }

    [Benchmark]
    public SearchIndex BuildIndex() => SearchIndexBuilder.Build(_corpus, _laws, _synonyms);

    [Benchmark(OperationsPerInvoke = 70)]
    public int QueryAll()
    {
        var found = 0;
        foreach (var q in _queries)
        {
            found += Searcher.Search(_index, new SearchRequest(q.Query), DateOnly.MinValue, new ContentOptions()).Hits.Count;
        }
        return found;
    }
}
