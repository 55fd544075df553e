using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --filter '*Letter*'
// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --quick   (seconds: smoke run with rough figures)
if (args.Contains("--quick")) { Portal.LetterBenchmarks.QuickProfile.Run(); return; }
BenchmarkSwitcher.FromAssembly(typeof(Portal.LetterBenchmarks.LetterBenchmarks).Assembly).Run(args);
