using Portal.Content;
using Portal.Search;

namespace Portal.SearchBenchmarks;

/// <summary>A search engine candidate: build over documents, then answer queries with slugs in rank order.</summary>
public interface ISearchEngine
{
    string Name { get; }

    void Build(IReadOnlyList<SearchDocument> documents, LawCatalog laws, SynonymSet synonyms);

    IReadOnlyList<string> Search(string query, int take);
}

/// <summary>The portal's engine: in-memory inverted index with Danish analysis (Portal.Search).</summary>
public sealed class InMemoryEngine : ISearchEngine
{
    private SearchIndex _index = SearchIndex.Empty;

    public string Name => "Egen indeks i hukommelsen (Portal.Search)";

    public void Build(IReadOnlyList<SearchDocument> documents, LawCatalog laws, SynonymSet synonyms) =>
        _index = SearchIndexBuilder.Build(documents, laws, synonyms);

    public IReadOnlyList<string> Search(string query, int take) =>
        _index.Rank(_index.Planner.Plan(query)).Take(take).Select(r => _index.Documents[r.Doc].Slug).ToList();
}
