using Portal.Letters;

namespace Portal.Tests.Letters;

public class DanishFormattingTests
{
    [Theory]
    [InlineData("2026-11-03", "3. november 2026")]
    [InlineData("2027-01-15", "15. januar 2027")]
    public void Dato_WritesDanishLongDate(string date, string expected) => Assert.Equal(expected, DanishFunctions.Dato(DateOnly.Parse(date)));

    [Fact]
    public void Ugedag_WritesDanishWeekday() => Assert.Equal("tirsdag", DanishFunctions.Ugedag(new DateOnly(2026, 11, 3)));

    [Theory]
    [InlineData("1234.5", "1.234,50 kr.")]
    [InlineData("0", "0,00 kr.")]
    [InlineData("1000000", "1.000.000,00 kr.")]
    public void Kr_WritesDanishAmount(string amount, string expected) =>
        Assert.Equal(expected, DanishFunctions.Kr(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).Replace('\u00a0', ' '));

    [Theory]
    [InlineData("2019-03-04", "2026-03-03", 6)]
    [InlineData("2019-03-04", "2026-03-04", 7)]
    [InlineData("2008-02-29", "2026-02-27", 17)]
    public void Alder_CountsWholeYears(string birth, string at, int expected) =>
        Assert.Equal(expected, DanishFunctions.Alder(DateOnly.Parse(birth), DateOnly.Parse(at)));

    [Fact]
    public void Functions_InATemplate_UseDanishCulture()
    {
        var kit = new LetterKit();
        var compiled = TemplateCompiler.Compile(
            "{{ dato brev.dato }} {{ ugedag brev.dato }} {{ dato (plus_uger brev.dato 4) }} {{ dato (plus_dage brev.dato 1) }} {{ kr 1234.5 }} {{ 7.5 }}", "t.md", 1);
        var template = new TemplateDefinition { Document = null!, Kind = TemplateKind.Letter };
        var context = new LetterContext(TemplateValidator.SampleCaseworker, new Organisation(), new Organisation(), new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 1));
        var model = ScriptModelBuilder.Build(template, new FieldValues(new Dictionary<string, object?>(), []), context, null, [], []);

        var text = kit.Renderer.RenderMarkdown(compiled, PartialSet.Empty, model);

        Assert.Equal("3. november 2026 tirsdag 1. december 2026 4. november 2026 1.234,50 kr. 7,5", text.Replace('\u00a0', ' '));
    }
}
