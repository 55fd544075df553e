using Portal.Letters;

namespace Portal.Tests.Letters;

public class FieldValueParserTests
{
    private static TemplateDefinition Template(params TemplateField[] fields) => new() { Document = null!, Kind = TemplateKind.Letter, Fields = fields };

    private static TemplateField Field(string name, FieldType type, bool required = false, string[]? options = null, object? defaultValue = null) =>
        new(name, "Etiket " + name, type, required, null, options ?? [], defaultValue, 1);

    private static FieldValues Parse(TemplateField field, object? value) =>
        FieldValueParser.Parse(Template(field), new Dictionary<string, object?> { [field.Name] = value });

    [Theory]
    [InlineData("2026-11-03")]
    [InlineData("3.11.2026")]
    [InlineData("03-11-2026")]
    public void Date_AcceptsIsoAndDanishNotation(string text) => Assert.Equal(new DateOnly(2026, 11, 3), Parse(Field("d", FieldType.Date), text)["d"]);

    [Theory]
    [InlineData("1.234,50", 1234.50)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1.234", 1234)]
    [InlineData("450 kr.", 450)]
    public void Amount_AcceptsDanishAndPlainNotation(string text, double expected) =>
        Assert.Equal((decimal)expected, Parse(Field("b", FieldType.Amount), text)["b"]);

    [Theory]
    [InlineData(FieldType.Date, "30.02.2026", "skal være en dato")]
    [InlineData(FieldType.Date, "i morgen", "skal være en dato")]
    [InlineData(FieldType.Number, "tolv", "skal være et tal")]
    [InlineData(FieldType.Amount, "mange penge", "skal være et beløb")]
    [InlineData(FieldType.YesNo, "måske", "skal være ja eller nej")]
    public void InvalidValue_GivesDanishMessageNamingTheLabel(FieldType type, string value, string message)
    {
        var error = Assert.Single(Parse(Field("x", type), value).Errors);

        Assert.Equal("x", error.Field);
        Assert.Contains("'Etiket x'", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void UnknownChoice_ListsTheOptions()
    {
        var error = Assert.Single(Parse(Field("g", FieldType.Choice, options: ["gruppe I", "gruppe II"]), "gruppe III").Errors);

        Assert.Contains("'gruppe III' er ikke en af mulighederne", error.Message);
        Assert.Contains("gruppe I, gruppe II", error.Message);
    }

    [Fact]
    public void Choice_MatchesIgnoringCase_AndKeepsTheTemplatesSpelling() =>
        Assert.Equal("gruppe I", Parse(Field("g", FieldType.Choice, options: ["gruppe I"]), "GRUPPE i")["g"]);

    [Fact]
    public void MissingRequiredField_SaysItMustBeFilledIn()
    {
        var error = Assert.Single(Parse(Field("n", FieldType.Text, required: true), "  ").Errors);

        Assert.Equal("'Etiket n' skal udfyldes.", error.Message);
    }

    [Fact]
    public void RequiredList_MustHaveAnItem() => Assert.Single(Parse(Field("l", FieldType.List, required: true), new List<string>()).Errors);

    [Fact]
    public void DefaultValue_FillsAnEmptyField() => Assert.Equal(8m, Parse(Field("u", FieldType.Number, defaultValue: "8"), null)["u"]);

    [Fact]
    public void UnknownField_IsAnError()
    {
        var result = FieldValueParser.Parse(Template(Field("a", FieldType.Text)), new Dictionary<string, object?> { ["b"] = "x" });

        Assert.Contains(result.Errors, e => e.Field == "b" && e.Message.Contains("intet felt"));
    }

    [Fact]
    public void List_FromTextSplitsLines() => Assert.Equal(["a", "b"], (IEnumerable<string>)Parse(Field("l", FieldType.List), "a\n\n b ")["l"]!);

    [Fact]
    public void YesNo_AcceptsDanishWords()
    {
        Assert.Equal(true, Parse(Field("j", FieldType.YesNo), "ja")["j"]);
        Assert.Equal(false, Parse(Field("j", FieldType.YesNo), "Nej")["j"]);
    }
}
