using System.Globalization;
using BenchmarkDotNet.Attributes;
using Portal.Letters;

namespace Portal.LetterBenchmarks;

/// <summary>
/// One letter end to end: field parsing, rules, Scriban in its sandbox, Markdig, sanitising and the
/// letterhead (HTML), or the same plus the Word file (DOCX). Targets: ≥ 1,000 HTML letters/s, &lt; 50 ms per DOCX.
/// </summary>
[MemoryDiagnoser]
public class LetterBenchmarks
{
    private BenchmarkContent _content = default!;
    private TemplateDefinition _template = default!;
    private LetterRequest _request = default!;
    private string _format = "";
    private object[] _args = [];
    private (string Field, int Arg)[] _varied = [];
    private int _calls;
    // Case data differs from letter to letter: these fields get a new value for every call, in the pipeline and in the
    // baseline alike, so nothing the pipeline keeps between letters (the fixed text's HTML) can stand in for the work.
    private static readonly string[] s_variedFields = ["barnets_navn", "faktiske_forhold", "vurdering"];
    private static readonly Caseworker s_caseworker = new("Sara Sørensen", "Rådgiver", "12 34 56 78", "sara@kommune.example", "mandag-torsdag kl. 9-12");

    /// <summary>A shipped template (or a test fixture when content/ has none): the refusal is the largest common case.</summary>
    [Params("afslag-merudgifter")]
    public string Template { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchmarkContent.RepositoryRoot();
        var shipped = Path.Combine(root, "content");
        var contentRoot = Directory.EnumerateFiles(Path.Combine(shipped, "skabeloner"), "*.md", SearchOption.AllDirectories).Any(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            ? shipped
            : FixtureCopy(root);
        _content = new BenchmarkContent(contentRoot, BenchmarkContent.ConfiguredOptions(root));
        _template = _content.Set.Templates.Where(t => t.PartialName.StartsWith(Template, StringComparison.Ordinal)).OrderByDescending(t => t.Body.Length).First();
        _request = new LetterRequest(_template.Example, new DateOnly(2026, 11, 24), [new Recipient("Anna Andersen", RecipientRole.CustodyHolder, "Vejen 1\n7100 Vejle")]);
        Console.WriteLine($"// Template: {_template.Slug} ({_template.Body.Length} tegn), {_content.Set.Templates.Count} skabeloner indlæst fra {contentRoot}");
        if (!_content.Service.Generate(_content.Set, _template, _request, s_caseworker).IsValid)
        {
            throw new InvalidOperationException("Eksemplet kan ikke udfyldes.");
        }
        var html = LetterHtml.Compose(_content.Service.Generate(_content.Set, _template, _request, s_caseworker));
        (_format, _args) = FormatBaseline.From(html, _template.Example);
        _varied = s_variedFields
            .Where(f => _template.Example.GetValueOrDefault(f) is string)
            .Select(f => (Field: f, Arg: Array.FindIndex(_args, a => a is string s && (s == (string)_template.Example[f]! || s == System.Net.WebUtility.HtmlEncode((string)_template.Example[f]!)))))
            .Where(v => v.Arg >= 0).ToArray();
        _calls = 0;
        var first = HtmlLetter();
        _calls = 0;
        var same = StringFormatBaseline() == first ? "samme brev" : "ADVARSEL: ikke samme brev";
        Console.WriteLine($"// string.Format-grundlinje: {_args.Length} felter i {html.Length} tegn, {same}; nye værdier pr. brev i {string.Join(", ", _varied.Select(v => v.Field))}");
    }

    /// <summary>The floor: the same letter (same bytes) from one string.Format; the ratio column reads against it.</summary>
    [Benchmark(Baseline = true, Description = "string.Format of the same letter")]
    public string StringFormatBaseline()
    {
        var suffix = Suffix();
        var args = (object[])_args.Clone();
        foreach (var (_, arg) in _varied)
        {
            args[arg] = (string)_args[arg] + suffix;
        }
        return string.Format(CultureInfo.InvariantCulture, _format, args);
    }

    [Benchmark(Description = "HTML letter")]
    public string HtmlLetter() => LetterHtml.Compose(Generate());

    [Benchmark(Description = "DOCX letter")]
    public byte[] DocxLetter() => _content.Docx.Write(Generate());

    internal BenchmarkContent Content => _content;

    internal LetterResult Generate()
    {
        var suffix = Suffix();
        var fields = new Dictionary<string, object?>(_template.Example, StringComparer.OrdinalIgnoreCase);
        foreach (var (field, _) in _varied)
        {
            fields[field] = (string)_template.Example[field]! + suffix;
        }
        return _content.Service.Generate(_content.Set, _template, _request with { Fields = fields }, s_caseworker);
    }

    private string Suffix() => " " + (++_calls).ToString(CultureInfo.InvariantCulture);

    internal static string FixtureCopy(string root)
    {
        var target = Path.Combine(Path.GetTempPath(), "handicap-bench-content");
        var fixtures = Path.Combine(root, "tests", "Portal.Tests", "Letters", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories))
        {
            var path = Path.Combine(target, Path.GetRelativePath(fixtures, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path, overwrite: true);
        }
        File.Copy(Path.Combine(root, "tests", "Portal.Tests", "TestContent", "tovholdere.yml"), Path.Combine(target, "tovholdere.yml"), overwrite: true);
        File.Copy(Path.Combine(root, "tests", "Portal.Tests", "TestContent", "love.yml"), Path.Combine(target, "love.yml"), overwrite: true);
        return target;
    }
}
