using System.Diagnostics;

namespace Portal.LetterBenchmarks;

/// <summary>
/// A seconds-long smoke run of the two benchmarks (`-- --quick`): proves the setup works and gives rough
/// figures against the targets. The BenchmarkDotNet run is the one to report.
/// </summary>
public static class QuickProfile
{
    private const double HtmlTargetPerSecond = 1000;
    private const double DocxTargetMilliseconds = 50;

    public static void Run()
    {
        var bench = new LetterBenchmarks { Template = "afslag-merudgifter" };
        bench.Setup();

        var html = Measure(() => bench.HtmlLetter(), warmup: 200, iterations: 1000);
        var docx = Measure(() => bench.DocxLetter(), warmup: 20, iterations: 100);

        var perSecond = 1000 / html;
        Console.WriteLine($"HTML: {html:F3} ms/brev = {perSecond:F0} breve/s (mål ≥ {HtmlTargetPerSecond:F0}) {Verdict(perSecond >= HtmlTargetPerSecond)}");
        Console.WriteLine($"DOCX: {docx:F3} ms/brev (mål < {DocxTargetMilliseconds:F0} ms) {Verdict(docx < DocxTargetMilliseconds)}");
    }

    private static double Measure(Action action, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            action();
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }
        return watch.Elapsed.TotalMilliseconds / iterations;
    }

    private static string Verdict(bool met) => met ? "OK" : "UNDER MÅLET";
}
