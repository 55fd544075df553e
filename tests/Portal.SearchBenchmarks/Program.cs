using Portal.Search;
using Portal.SearchBenchmarks;

// Usage:
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- explain <content> "query" ...
var command = args.FirstOrDefault() ?? "help";
switch (command)
{
    case "explain":
        {
            var snapshot = ContentLoader.Load(args[1]);
            var docs = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
            var index = SearchIndexBuilder.Build(docs, snapshot.Laws, SynonymSet.Load(args[1], []) ?? SynonymSet.Empty);
            foreach (var q in args.Skip(2))
            {
                var plan = index.Planner.Plan(q);
                Console.WriteLine($"== {q}");
                foreach (var c in plan.Clauses)
                {
                    Console.WriteLine($"  [{c.Text}] known={c.Known}: " + string.Join(", ", c.Alternatives.Select(a => string.Join('+', a.Terms) + "@" + a.Weight)));
                }
                foreach (var r in index.Rank(plan).Take(8))
                {
                    Console.WriteLine($"  {r.Score,8:0.00}  {docs[r.Doc].Slug}");
                }
            }
            break;
        }
    case "relevance":
        {
            var snapshot = ContentLoader.Load(args[1]);
            var docs = snapshot.Documents.Select(d => SearchDocument.From(d, snapshot)).ToList();
            var index = SearchIndexBuilder.Build(docs, snapshot.Laws, SynonymSet.Load(args[1], []) ?? SynonymSet.Empty);
            var queries = Portal.Tests.Search.RelevanceSet.Load(args[2]);
            var (recall, mrr, outcomes) = Portal.Tests.Search.RelevanceSet.Run(queries, q => index.Rank(index.Planner.Plan(q)).Select(r => docs[r.Doc].Slug).ToList());
            foreach (var o in outcomes.Where(o => o.Recall < 1 || o.ReciprocalRank < 1))
            {
                Console.WriteLine($"{o.Recall:0.00} {o.ReciprocalRank:0.00} [{o.Query.Kind}] {o.Query.Query}\n   want: {string.Join(", ", o.Query.Expected)}\n   got:  {string.Join(", ", o.Top)}");
            }
            Console.WriteLine($"recall@5 {recall:0.000}  MRR {mrr:0.000}  ({queries.Count} queries)");
            break;
        }
    default:
        Console.WriteLine("Kommandoer: explain <content> <query>...");
        break;
}
