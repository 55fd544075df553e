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
    default:
        Console.WriteLine("Kommandoer: explain <content> <query>...");
        break;
}
