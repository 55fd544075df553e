namespace Portal.LetterBenchmarks;

public static class QuickProfile
{
    public static void Run()
    {
        var b = new LetterBenchmarks { Template = "afslag-merudgifter" };
        b.Setup();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 200; i++) b.HtmlLetter();
        Console.WriteLine($"html warm {sw.Elapsed.TotalMilliseconds / 200:F3} ms");
        sw.Restart();
        for (int i = 0; i < 500; i++) b.HtmlLetter();
        Console.WriteLine($"html {sw.Elapsed.TotalMilliseconds / 500:F3} ms");
        var safety = new Portal.Content.HtmlSafety();
        var html = b.HtmlLetter();
        sw.Restart();
        for (int i = 0; i < 500; i++) safety.Sanitize(html);
        Console.WriteLine($"sanitize {sw.Elapsed.TotalMilliseconds / 500:F3} ms ({html.Length} chars)");
        sw.Restart();
        for (int i = 0; i < 500; i++) new Scriban.TemplateContext();
        Console.WriteLine($"ctx {sw.Elapsed.TotalMilliseconds / 500:F3} ms");
        sw.Restart();
        for (int i = 0; i < 500; i++) { using var c = new CancellationTokenSource(TimeSpan.FromSeconds(2)); }
        Console.WriteLine($"cts {sw.Elapsed.TotalMilliseconds / 500:F3} ms");
        var md = new Portal.Content.MarkdownRenderer(new Portal.Content.HtmlSafety());
        sw.Restart();
        for (int i = 0; i < 500; i++) Markdig.Markdown.ToHtml(html, md.Pipeline);
        Console.WriteLine($"markdig {sw.Elapsed.TotalMilliseconds / 500:F3} ms");
    }
}
