using Portal.Search;
using Portal.SearchBenchmarks;

// Usage (from the repository root; never part of scripts/test.sh):
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- compare [content] [queries.yml] [generated=10000] [rounds=20]
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- bdn [content] [queries.yml]
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- relevance <content> <queries.yml>
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- explain <content> "query" ...
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- answers <content> [queries.yml] [count=1000] [rounds=3]
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- rebuild <content> [rounds=10]
//   dotnet run -c Release --project tests/Portal.SearchBenchmarks -- allocs <content> <queries.yml>   (bytes per stage of an answer)
var command = args.FirstOrDefault() ?? "help";
switch (command)
{
    case "explain":
        {
            var (_, docs, index) = ContentLoader.LoadIndex(args[1]);
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
            var (_, docs, index) = ContentLoader.LoadIndex(args[1]);
            var queries = Portal.Tests.Search.RelevanceSet.Load(args[2]);
            var (recall, mrr, outcomes) = Portal.Tests.Search.RelevanceSet.Run(queries, q => index.Rank(index.Planner.Plan(q)).Select(r => docs[r.Doc].Slug).ToList());
            foreach (var o in outcomes.Where(o => o.Recall < 1 || o.ReciprocalRank < 1))
            {
                Console.WriteLine($"{o.Recall:0.00} {o.ReciprocalRank:0.00} [{o.Query.Kind}] {o.Query.Query}\n   want: {string.Join(", ", o.Query.Expected)}\n   got:  {string.Join(", ", o.Top)}");
            }
            Console.WriteLine($"recall@5 {recall:0.000}  MRR {mrr:0.000}  ({queries.Count} queries)");
            break;
        }
    case "allocs":
        AllocProbe.Run(args[1], args[2]);
        break;
    case "answers":
        Answers.Run(args[1], args.ElementAtOrDefault(2) ?? "tests/Portal.Tests/Search/queries.yml",
            int.Parse(args.ElementAtOrDefault(3) ?? "1000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args.ElementAtOrDefault(4) ?? "3", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "rebuild":
        Rebuild.Run(args[1], int.Parse(args.ElementAtOrDefault(2) ?? "10", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "compare":
        Comparison.Run(args.ElementAtOrDefault(1) ?? "content", args.ElementAtOrDefault(2) ?? "tests/Portal.Tests/Search/queries.yml",
            int.Parse(args.ElementAtOrDefault(3) ?? "10000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args.ElementAtOrDefault(4) ?? "20", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "bdn":
        SearchBenchmarks.ContentPath = Path.GetFullPath(args.ElementAtOrDefault(1) ?? "content");
        SearchBenchmarks.QueriesPath = Path.GetFullPath(args.ElementAtOrDefault(2) ?? "tests/Portal.Tests/Search/queries.yml");
        BenchmarkDotNet.Running.BenchmarkRunner.Run<SearchBenchmarks>(args: args.Skip(3).ToArray());
        break;
    default:
        Console.WriteLine("Kommandoer: compare, bdn, relevance, explain, answers, rebuild (se Program.cs)");
        break;
}
