using Portal.Content;
using Portal.Letters;

namespace Portal.Tests.Letters;

/// <summary>Template authors work in a sandbox: limits, timeout, phrases only, no unknown names, errors with file, line and column.</summary>
public class SandboxTests
{
    private static readonly LetterContext s_context = new(TemplateValidator.SampleCaseworker, new Organisation(), new Organisation(), new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 22));

    private static string Render(string body, LettersOptions? options = null, PartialSet? partials = null)
    {
        var kit = new LetterKit(options ?? LetterKit.ConfiguredOptions());
        var template = new TemplateDefinition { Document = null!, Kind = TemplateKind.Letter, Fields = [new("navn", "Navn", FieldType.Text, false, null, [], null, 1)] };
        var values = FieldValueParser.Parse(template, new Dictionary<string, object?> { ["navn"] = "Emma" });
        var model = ScriptModelBuilder.Build(template, values, s_context, null, [], []);
        return kit.Renderer.RenderMarkdown(TemplateCompiler.Compile(body, "skabeloner/breve/x.md", 10), partials ?? PartialSet.Empty, model);
    }

    [Fact]
    public void CompileError_ReportsFileLineAndColumnInDanish()
    {
        var compiled = TemplateCompiler.Compile("Hej\n\n{{ if sag.navn }}Kære", "skabeloner/breve/x.md", 10);

        var issue = Assert.Single(compiled.Issues);
        Assert.Equal("skabeloner/breve/x.md", issue.File);
        Assert.Equal(12, issue.Line);
        Assert.Contains("linje 12, kolonne", issue.Message);
        Assert.Contains("der mangler et {{ end }}", issue.Message);
    }

    [Fact]
    public void UnknownVariable_FailsLoudly_WithFileAndLine()
    {
        var ex = Assert.Throws<LetterRenderException>(() => Render("Hej\n{{ ukendt }}"));

        Assert.Contains("skabeloner/breve/x.md, linje 11", ex.Message);
    }

    [Theory]
    [InlineData("{{ string.upcase = 1 }}")]
    [InlineData("{{ string = 1 }}")]
    [InlineData("{{ date.now = 'x' }}")]
    public void SharedBuiltins_CannotBeChangedByATemplate(string attack)
    {
        try
        {
            Render(attack);
        }
        catch (LetterRenderException)
        {
            // Refused is fine; what matters is the next letter.
        }

        Assert.Equal("ABC", Render("{{ 'abc' | string.upcase }}").Trim());
    }

    [Fact]
    public void UnknownCaseMember_FailsLoudly() => Assert.Throws<LetterRenderException>(() => Render("{{ sag.navm }}"));

    [Fact]
    public void EndlessLoop_HitsTheLoopLimit()
    {
        var ex = Assert.Throws<LetterRenderException>(() => Render("{{ while true }}x{{ end }}"));

        Assert.Contains("løkke", ex.Message);
    }

    [Fact]
    public void Recursion_HitsTheRecursionLimit()
    {
        var ex = Assert.Throws<LetterRenderException>(() => Render("{{ func f(x); ret f(x + 1); end; f 1 }}"));

        Assert.Contains("indlejrede", ex.Message);
    }

    [Fact]
    public void SlowTemplate_IsStoppedByTheTimeout()
    {
        var options = LetterKit.ConfiguredOptions();
        options.LoopLimit = int.MaxValue;
        options.RenderTimeoutMilliseconds = 50;

        var ex = Assert.Throws<LetterRenderException>(() => Render("{{ for i in 1..2000000000 }}{{ end }}", options));

        Assert.Contains("for lang tid", ex.Message);
    }

    [Fact]
    public void Include_OnlyLoadsPhrases()
    {
        var ex = Assert.Throws<LetterRenderException>(() => Render("{{ include '../../appsettings.json' }}"));

        Assert.Contains("findes ikke under skabeloner/fraser", ex.Message);
    }

    [Fact]
    public void Include_RendersAPhraseWithTheSameData()
    {
        var partials = new PartialSet([PartialSet.Create("skabeloner/fraser/hilsen", "skabeloner/fraser/hilsen.md", "Hilsen til {{ sag.navn }}", 5)]);

        Assert.Equal("Før. Hilsen til Emma", Render("Før. {{ include 'hilsen' }}", partials: partials));
    }

    [Fact]
    public void Import_IsRejectedAtCompileTime() =>
        Assert.Contains(TemplateCompiler.Compile("{{ import sag }}", "x.md", 1).Issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains("import"));

    [Fact]
    public void ComputedInclude_IsRejectedAtCompileTime() =>
        Assert.Contains(TemplateCompiler.Compile("{{ include sag.navn }}", "x.md", 1).Issues, i => i.Message.Contains("anførselstegn"));

    [Fact]
    public void Assignments_DoNotLeakIntoTheSharedFunctions()
    {
        Assert.Equal("x", Render("{{ dato = 'x' }}{{ dato }}"));

        Assert.Equal("24. november 2026", Render("{{ dato brev.dato }}"));
    }

    [Fact]
    public void Model_HoldsPlainValuesOnly()
    {
        var template = new TemplateDefinition { Document = null!, Kind = TemplateKind.Letter };
        var model = ScriptModelBuilder.Build(template, new FieldValues(new Dictionary<string, object?>(), []), s_context, null, [], []);

        static IEnumerable<object?> Leaves(object? value) => value switch
        {
            Scriban.Runtime.ScriptObject o => o.Values.SelectMany(Leaves),
            Scriban.Runtime.ScriptArray a => a.SelectMany(Leaves),
            _ => [value],
        };
        Assert.All(Leaves(model), v => Assert.True(v is null or string or DateTime or decimal or bool, v?.GetType().FullName));
    }
}
