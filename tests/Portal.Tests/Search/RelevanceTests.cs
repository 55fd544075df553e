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

    [Fact]
    public async Task SnippetsWithTheLineFilter_AreTheSnippetsOfEveryLineReadWordByWord_ForEveryLabelledQueryAndHit()
    {
        await using var shipped = await ShippedIndex.LoadAsync();
        var (documents, index, queries) = (shipped.Documents, shipped.Index, shipped.Queries);
        // The labelled queries (paragraphs among them) as typed, in capitals, in the ASCII spelling of æ/ø/å, and as compounds and word parts.
        var asked = queries.Select(q => q.Query)
            .Concat(queries.Select(q => q.Query.ToUpperInvariant()))
            .Concat(queries.Select(q => q.Query.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)))
            .Concat(["handicapbil", "merudgifter", "overgangsresumé", "BØRNEFAMILIE", "barnets", "ledsagelse SEL", "tabt arbejdsfortjeneste", "§ 86", "SEL § 41", "artikel 8", "§§ 22-24 forældre"])
            .Distinct(StringComparer.Ordinal).ToList();
        var compared = 0;
        var filtered = 0;
        foreach (var query in asked)
        {
            var plan = index.Planner.Plan(query);
            if (plan.IsEmpty || plan.TermFinder is not { } finder)
            {
                continue;
            }
            filtered++;
            foreach (var hit in index.Best(index.RankUnordered(plan), 20, _ => true))
            {
                var doc = documents[hit.Doc];
                var all = Snippets.For(doc, index.Planner.Plan(query), index, termFinder: null);
                Assert.True(all == Snippets.For(doc, plan, index, finder), $"{query} [{string.Join(", ", plan.Terms)}] {doc.Slug}: {all}");
                compared++;
            }
        }
        Assert.True(filtered >= 300, $"kun {filtered} søgninger med linjefilter");
        Assert.True(compared >= 3000, $"kun {compared} uddrag sammenlignet");
    }

    [Fact]
    public async Task Ranking_ReusesItsArraysClean_SoEveryQueryRanksTheSameWhateverWasAskedBefore()
    {
        await using var shipped = await ShippedIndex.LoadAsync();
        var (index, queries) = (shipped.Index, shipped.Queries);
        var plans = queries.Select(q => index.Planner.Plan(q.Query)).ToList();
        var forward = plans.Select(p => index.RankUnordered(p)).ToList();
        var backward = Enumerable.Range(0, plans.Count).Reverse().ToDictionary(i => i, i => index.RankUnordered(plans[i]));
        // On a fresh thread the arrays are new: the same answers again.
        var fresh = await Task.Factory.StartNew(() => plans.Select(p => index.RankUnordered(p)).ToList(), TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        for (var i = 0; i < plans.Count; i++)
        {
            Assert.Equal(forward[i], backward[i]);
            Assert.Equal(forward[i], fresh[i]);
        }
        Assert.Contains(forward, r => r.Count > 20);
    }

    [Fact]
    public void Fold_HoldsEveryWordTheTokeniserHandsOut_AsASubstring()
    {
        var texts = new[]
        {
            "Børnefamilier MED handicap: Ærø, Åbenrå og ØSTERBRO", "barnet's og forældrenes' ret", "résumé, idé og naïve",
            "3'x a'b ’c’ d’e", new string('æ', 60) + " " + new string('x', 50), "Ǆemal ﬁlm Straße 한국", "",
        };
        foreach (var text in texts)
        {
            var buffer = new char[text.Length * 4 + 8];
            var folded = new string(buffer, 0, DanishText.Fold(text, buffer));
            var words = new List<string>();
            DanishText.ForEachWord(text, (word, _, _, _) => words.Add(word.ToString()));
            Assert.All(words, w => Assert.Contains(w, folded, StringComparison.Ordinal));
        }
        var small = new char[10];
        Assert.Equal(small.Length, DanishText.Fold("ææææææææææ", small));
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
