using System.Diagnostics;
using Portal.Letters;

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

    /// <summary>Where a letter's time goes (`-- --stages`): each stage of the HTML pipeline timed alone.</summary>
    public static void Stages()
    {
        var bench = new LetterBenchmarks { Template = "afslag-merudgifter" };
        bench.Setup();
        var content = bench.Content;
        var result = bench.Generate();
        var markdown = result.Letters[0].Markdown;
        var laws = content.Set.Snapshot.Laws;
        Console.WriteLine($"// Markdown {markdown.Length} tegn, HTML {result.Letters[0].BodyHtml.Length} tegn");
        void Show(string name, Action action) => Console.WriteLine($"{name,-40} {Measure(action, 300, 3000) * 1000,8:F1} µs");
        Show("string.Format", () => bench.StringFormatBaseline());
        Show("Generate (alt undtagen Compose)", () => bench.Generate());
        Show("Compose", () => LetterHtml.Compose(result));
        Show("Markdig Parse", () => Markdig.Markdown.Parse(markdown, content.Markdown.Pipeline));
        Show("MarkdownRenderer.Render + Html", () => _ = content.Markdown.Render(markdown, null, laws, sanitizeOnlyWhenNeeded: true).Html);
        Show("LetterRenderer.ToHtml (hel)", () => content.Renderer.ToHtml(markdown, laws));
        var template = result.Template;
        var recipients = new[] { new Recipient("Anna Andersen", RecipientRole.CustodyHolder, "Vejen 1\n7100 Vejle") };
        var values = FieldValueParser.Parse(template, template.Example);
        var personal = LetterBlocks.PersonalTexts(template, values, recipients);
        var blocks = LetterBlocks.Split(markdown) ?? [];
        Console.WriteLine($"// {blocks.Count} blokke, {blocks.Count(b => !LetterBlocks.HoldsAny(b, personal))} uden personlige tekster");
        Show("LetterRenderer.ToHtml (blokke, gemte)", () => content.Renderer.ToHtml(markdown, laws, []));

        // Generate's steps one by one, on the letter's own values.
        var rules = new LetterRules(Microsoft.Extensions.Options.Options.Create(BenchmarkContent.ConfiguredOptions(BenchmarkContent.RepositoryRoot())));
        var date = new DateOnly(2026, 11, 24);
        var compiled = TemplateCache.Shared.Compile(template);
        var functions = new RateLookup(content.Set.Rates, date).Functions();
        var model = ScriptModelBuilder.Build(template, values, result.Context, recipients[0], recipients, []);
        Show("FieldValueParser.Parse", () => FieldValueParser.Parse(template, template.Example));
        Show("LetterRules.Evaluate", () => rules.Evaluate(template, values, date));
        Show("TemplateCache.Compile", () => TemplateCache.Shared.Compile(template));
        Show("RateLookup.Functions", () => new RateLookup(content.Set.Rates, date).Functions());
        Show("ScriptModelBuilder.Build", () => ScriptModelBuilder.Build(template, values, result.Context, recipients[0], recipients, []));
        Show("LetterRenderer.RenderMarkdown", () => content.Renderer.RenderMarkdown(compiled, content.Set.Partials, model, functions));
        Show("LetterBlocks.PersonalTexts", () => LetterBlocks.PersonalTexts(template, values, recipients));
    }

    /// <summary>HTML letters back to back for a while (`-- --loop 20`), for a profiler: prints letters per second.</summary>
    public static void Loop(int seconds)
    {
        var bench = new LetterBenchmarks { Template = "afslag-merudgifter" };
        bench.Setup();
        var watch = Stopwatch.StartNew();
        var letters = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            bench.HtmlLetter();
            letters++;
        }
        Console.WriteLine($"{letters / watch.Elapsed.TotalSeconds:F0} breve/s, {watch.Elapsed.TotalMilliseconds * 1000 / letters:F1} µs/brev");
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
