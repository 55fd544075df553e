using YamlDotNet.RepresentationModel;

namespace Portal.Tests.Search;

/// <summary>One labelled query: what a caseworker types and the documents that should come out on top.</summary>
public sealed record LabelledQuery(string Query, string Kind, IReadOnlyList<string> Expected);

/// <summary>How one query fared: recall in the top five and the reciprocal rank of the first expected document.</summary>
public sealed record QueryOutcome(LabelledQuery Query, double Recall, double ReciprocalRank, IReadOnlyList<string> Top);

/// <summary>The labelled query set in queries.yml and the recall@5 / MRR computation (shared with the search benchmark).</summary>
public static class RelevanceSet
{
    public const int K = 5;

    public static IReadOnlyList<LabelledQuery> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }
        return ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>().Select(item => new LabelledQuery(
            ((YamlScalarNode)item.Children[new YamlScalarNode("q")]).Value!,
            ((YamlScalarNode)item.Children[new YamlScalarNode("kind")]).Value!,
            ((YamlSequenceNode)item.Children[new YamlScalarNode("expect")]).Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList())).ToList();
    }

    /// <summary>Recall@5: the share of expected documents (at most five) in the top five. Reciprocal rank: 1/rank of the first expected.</summary>
    public static QueryOutcome Evaluate(LabelledQuery query, IReadOnlyList<string> ranked)
    {
        var top = ranked.Take(K).ToList();
        var recall = (double)query.Expected.Count(top.Contains) / Math.Min(query.Expected.Count, K);
        var first = -1;
        for (var i = 0; i < ranked.Count && first < 0; i++)
        {
            first = query.Expected.Contains(ranked[i]) ? i : -1;
        }
        return new QueryOutcome(query, recall, first < 0 ? 0 : 1.0 / (first + 1), top);
    }

    public static (double Recall, double Mrr, IReadOnlyList<QueryOutcome> Outcomes) Run(IReadOnlyList<LabelledQuery> queries, Func<string, IReadOnlyList<string>> search)
    {
        var outcomes = queries.Select(q => Evaluate(q, search(q.Query))).ToList();
        return (outcomes.Average(o => o.Recall), outcomes.Average(o => o.ReciprocalRank), outcomes);
    }
}
