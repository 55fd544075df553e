using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Portal.LetterBenchmarks -- --filter '*Letter*'
if (args.Contains("--quick")) { Portal.LetterBenchmarks.QuickProfile.Run(); return; }
BenchmarkSwitcher.FromAssembly(typeof(Portal.LetterBenchmarks.LetterBenchmarks).Assembly).Run(args);
