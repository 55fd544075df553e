using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --filter '*Letter*'
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --quick   (seconds: smoke run with rough figures)
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --stages  (each step of an HTML letter timed alone)
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --loop 20  (HTML letters for 20 s, to attach dotnet-trace to)
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --filter '*Memo*' --job short --inProcess   (MeMo build + XSD, ≤ 5 ms)
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --pdf 60 fixture:kvittering-test   (warm LibreOffice on DocxWriter output, one page)
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --outbox 1000         (outbox to fake SF1601 + journal servers)
if (args is ["--loop", var seconds]) { Portal.LetterBenchmarks.QuickProfile.Loop(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)); return; }
if (args.Contains("--stages")) { Portal.LetterBenchmarks.QuickProfile.Stages(); return; }
if (args.Contains("--quick")) { Portal.LetterBenchmarks.QuickProfile.Run(); return; }
if (args is ["--pdf", var n, ..]) { await Portal.LetterBenchmarks.DeliveryRuns.PdfAsync(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? args[2] : "kvitteringsbrev"); return; }
if (args is ["--outbox", var letters]) { await Portal.LetterBenchmarks.DeliveryRuns.OutboxAsync(int.Parse(letters, System.Globalization.CultureInfo.InvariantCulture)); return; }
BenchmarkSwitcher.FromAssembly(typeof(Portal.LetterBenchmarks.LetterBenchmarks).Assembly).Run(args);
