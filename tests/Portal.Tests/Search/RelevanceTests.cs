using Portal.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Recall@5 and MRR of the labelled query set (queries.yml) over the real shipped content/.</summary>
public class RelevanceTests(ITestOutputHelper output)
{
    private const double MinRecallAt5 = 0.9;
    private const double MinMrr = 0.75;

    [Fact]
    public async Task LabelledQueries_OverShippedContent_MeetRecallAndMrr()
    {
        await using var shipped = await ShippedIndex.LoadAsync();
        var (snapshot, documents, index, queries) = (shipped.Harness.Snapshot, shipped.Documents, shipped.Index, shipped.Queries);
        var missing = queries.SelectMany(q => q.Expected).Distinct().Where(slug => snapshot.Find(slug) is null).ToList();
        Assert.True(missing.Count == 0, "queries.yml nævner dokumenter, der ikke findes: " + string.Join(", ", missing));

        var (recall, mrr, outcomes) = RelevanceSet.Run(queries, q => index.Rank(index.Planner.Plan(q)).Select(r => documents[r.Doc].Slug).ToList());

        foreach (var miss in outcomes.Where(o => o.ReciprocalRank < 1))
        {
            output.WriteLine($"  {miss.Recall:0.00} {miss.ReciprocalRank:0.00} [{miss.Query.Kind}] {miss.Query.Query} → {string.Join(", ", miss.Top.Take(3))}");
        }
        foreach (var kind in outcomes.GroupBy(o => o.Query.Kind))
        {
            output.WriteLine($"  {kind.Key}: recall@5 {kind.Average(o => o.Recall):0.000}, MRR {kind.Average(o => o.ReciprocalRank):0.000} ({kind.Count()} søgninger)");
        }
        output.WriteLine($"recall@5 = {recall:0.000}, MRR = {mrr:0.000} over {queries.Count} søgninger");
        TestContext.Current.SendDiagnosticMessage($"Søgekvalitet: recall@5 = {recall:0.000}, MRR = {mrr:0.000} ({queries.Count} søgninger)");
        Assert.True(queries.Count >= 130, $"Kun {queries.Count} søgninger i queries.yml");
        Assert.True(recall >= MinRecallAt5, $"recall@5 {recall:0.000} er under {MinRecallAt5}");
        Assert.True(mrr >= MinMrr, $"MRR {mrr:0.000} er under {MinMrr}");
    }

    [Fact]
    public async Task BestOfTheUnorderedRanking_IsTheStartOfTheOrderedOne_ForEveryLabelledQueryCountAndFilter()
    {
        await using var shipped = await ShippedIndex.LoadAsync();
        var (documents, index, queries) = (shipped.Documents, shipped.Index, shipped.Queries);
        var filters = new Func<ScoredDocument, bool>[] { _ => true, r => documents[r.Doc].Type == "arbejdsgang", r => r.Doc % 3 == 0 };
        var compared = 0;
        foreach (var query in queries)
        {
            var plan = index.Planner.Plan(query.Query);
            var ordered = index.Rank(plan);
            foreach (var keep in filters)
            {
                foreach (var count in new[] { 1, 5, 20, 100 })
                {
                    Assert.Equal(ordered.Where(keep).Take(count).ToList(), index.Best(index.RankUnordered(plan), count, keep));
                    compared++;
                }
            }
        }
        Assert.True(compared >= 130 * 12);
    }

    /// <summary>The shipped content/ imported, its search index and the labelled queries.</summary>
    private sealed record ShippedIndex(ContentHarness Harness, List<SearchDocument> Documents, SearchIndex Index, IReadOnlyList<LabelledQuery> Queries) : IAsyncDisposable
    {
        public static async Task<ShippedIndex> LoadAsync()
        {
            var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());
            await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);
            var snapshot = harness.Snapshot;
            var documents = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
            var index = SearchIndexBuilder.Build(documents, snapshot.Laws, SynonymSet.Load(harness.Content.Path, []) ?? SynonymSet.Empty);
            var queries = RelevanceSet.Load(Path.Combine(RepositoryPaths.Root, "tests", "Portal.Tests", "Search", "queries.yml"));
            return new ShippedIndex(harness, documents, index, queries);
        }

        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }
}
