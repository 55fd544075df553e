using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>Issue 14 §5-6: bounded fields, loud engine limits, no unsafe characters, and every decision keeps its klagevejledning.</summary>
public class LetterLimitsTests
{
    private static readonly LetterKit s_kit = new();

    private static readonly Lazy<LoadedContent> s_shipped = new(() =>
    {
        using var directory = TestContentDirectory.FromRepository();
        return s_kit.Load(directory.Path);
    });

    private static TemplateDefinition Template(params TemplateField[] fields) =>
        new() { Document = null!, Kind = TemplateKind.Letter, Fields = fields };

    private static TemplateField Field(string name, FieldType type, int? max = null) => new(name, "Begrundelse", type, false, null, [], null, 1, max);

    public static TheoryData<string> Decisions()
    {
        var data = new TheoryData<string>();
        foreach (var template in s_shipped.Value.Templates.Templates.Where(t => t.Kind == TemplateKind.Decision).OrderBy(t => t.Slug, StringComparer.Ordinal))
        {
            data.Add(template.Slug);
        }
        return data;
    }

    [Theory]
    [InlineData(FieldType.Text, FieldLimits.Text)]
    [InlineData(FieldType.LongText, FieldLimits.LongText)]
    public void TooLongValue_IsRefused_NamingTheField(FieldType type, int limit)
    {
        var values = FieldValueParser.Parse(Template(Field("begrundelse", type)), new Dictionary<string, object?> { ["begrundelse"] = new string('a', limit + 1) });

        var error = Assert.Single(values.Errors);
        Assert.Equal("begrundelse", error.Field);
        Assert.True(error.Immediate);
        Assert.Contains("'Begrundelse' er for lang", error.Message);
        Assert.Null(values["begrundelse"]);
    }

    [Fact]
    public void ValueAtTheLimit_IsAccepted() =>
        Assert.Empty(FieldValueParser.Parse(Template(Field("begrundelse", FieldType.Text)), new Dictionary<string, object?> { ["begrundelse"] = new string('a', FieldLimits.Text) }).Errors);

    [Fact]
    public void MaxLengthInFrontMatter_OverridesTheDefault()
    {
        var template = Template(Field("begrundelse", FieldType.Text, max: 10));

        Assert.Empty(FieldValueParser.Parse(template, new Dictionary<string, object?> { ["begrundelse"] = "0123456789" }).Errors);
        Assert.Contains("højst være 10 tegn", Assert.Single(FieldValueParser.Parse(template, new Dictionary<string, object?> { ["begrundelse"] = "01234567890" }).Errors).Message);
    }

    [Theory]
    [InlineData("5", null)]
    [InlineData("abc", "skal være et helt tal mellem 1 og 100000")]
    [InlineData("0", "skal være et helt tal")]
    public void MaxLength_IsReadFromTheTemplate_AndCheckedThere(string value, string? expected)
    {
        using var content = LetterKit.FixtureContent();
        content.Write("skabeloner/breve/maks-test.md", $$$"""
            ---
            titel: Maks (test)
            type: brev
            område: fælles
            tovholder: koordinator-boern
            revideres: 2027-06-30
            felter:
              - navn: kort
                label: Kort tekst
                type: tekst
                maks_længde: {{{value}}}
            ---

            Tekst: {{ sag.kort }}
            """);

        var loaded = s_kit.Load(content.Path);

        var issues = loaded.Errors.Where(i => i.File == "skabeloner/breve/maks-test.md").ToList();
        if (expected is null)
        {
            Assert.Empty(issues);
            Assert.Equal(5, loaded.Templates.Find("skabeloner/breve/maks-test")!.Field("kort")!.Limit);
        }
        else
        {
            Assert.Contains(issues, i => i.Message.Contains(expected, StringComparison.Ordinal) && i.Message.Contains("'kort'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ListItems_AreBoundedInNumberAndLength()
    {
        var template = Template(Field("punkter", FieldType.List, max: 5));

        Assert.Contains("'Begrundelse 2' er for lang", Assert.Single(FieldValueParser.Parse(template, new Dictionary<string, object?> { ["punkter"] = new List<string> { "kort", "alt for lang" } }).Errors).Message);
        Assert.Contains("højst være 100", Assert.Single(FieldValueParser.Parse(template, new Dictionary<string, object?> { ["punkter"] = Enumerable.Range(0, 101).Select(i => "x").ToList() }).Errors).Message);
    }

    // Code points, not strings: a lone surrogate in a test argument would be replaced before the test sees it.
    [Theory]
    [InlineData(0x0000, "U+0000")]
    [InlineData(0x0007, "U+0007")]
    [InlineData(0x000B, "U+000B")]
    [InlineData(0x001F, "U+001F")]
    [InlineData(0xFFFE, "U+FFFE")]
    [InlineData(0xFFFF, "U+FFFF")]
    [InlineData(0xD800, "U+D800")]
    [InlineData(0xDC00, "U+DC00")]
    public void UnsafeCharacter_IsRefused_WithItsCodeAndPlace(int character, string code)
    {
        var values = FieldValueParser.Parse(Template(Field("begrundelse", FieldType.LongText)), new Dictionary<string, object?> { ["begrundelse"] = "Hej" + (char)character + "med dig" });

        var error = Assert.Single(values.Errors);
        Assert.Contains(code, error.Message);
        Assert.Contains("tegn nr. 4", error.Message);
        Assert.StartsWith("'Begrundelse' indeholder", error.Message);
    }

    [Theory]
    [InlineData("Linje 1\nLinje 2\r\nLinje 3\tmed tabulator")]
    [InlineData("Emoji er et helt tegn: \U0001F600")]
    [InlineData("Æble, øl og ål – «citat» – § 83")]
    public void OrdinaryText_IsAccepted(string text) =>
        Assert.Empty(FieldValueParser.Parse(Template(Field("begrundelse", FieldType.LongText)), new Dictionary<string, object?> { ["begrundelse"] = text }).Errors);

    [Theory]
    [InlineData(0x0007)]
    [InlineData(0xD83D)]
    public void UnsafeCharacterInARecipient_IsRefused(int code)
    {
        var character = ((char)code).ToString();
        var address = "Vej 1" + character;
        var set = s_shipped.Value.Templates;
        var template = set.Templates.First(t => t.Kind == TemplateKind.Decision);

        var result = s_kit.Generate(set, template.Slug, template.Example, recipients: [new Recipient("Emma" + character, RecipientRole.Citizen, address)]);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Field == "modtagere[0].navn" && e.Message.Contains("Navn på modtager 1"));
        Assert.Contains(result.Errors, e => e.Field == "modtagere[0].adresse");
    }

    [Fact]
    public void OutputLimit_FailsLoudly_InsteadOfTruncating()
    {
        var options = LetterKit.ConfiguredOptions();
        options.OutputLimit = 1_000;
        var kit = new LetterKit(options);
        var template = Template(Field("begrundelse", FieldType.LongText));
        var values = FieldValueParser.Parse(template, new Dictionary<string, object?> { ["begrundelse"] = new string('a', 900) });
        var model = ScriptModelBuilder.Build(template, values, new LetterContext(TemplateValidator.SampleCaseworker, new Organisation(), new Organisation(), LetterKit.Today, LetterKit.Today), null, [], []);

        var ex = Assert.Throws<LetterRenderException>(() => kit.Renderer.RenderMarkdown(TemplateCompiler.Compile("{{ sag.begrundelse }}\n\n{{ sag.begrundelse }}\nKlagevejledning", "x.md", 1), PartialSet.Empty, model));

        Assert.True(ex.Message.Contains("brevet bliver for langt", StringComparison.Ordinal), ex.Message);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decision_EndsWithItsKlagevejledning_EvenWithEveryFieldAtItsLimit(string slug)
    {
        var set = s_shipped.Value.Templates;
        var template = set.Find(slug)!;
        var full = new Dictionary<string, object?>(template.Example, StringComparer.OrdinalIgnoreCase);
        foreach (var field in template.Fields)
        {
            if (field.Type is FieldType.Text or FieldType.LongText)
            {
                full[field.Name] = Filler(field.Limit);
            }
            else if (field.Type == FieldType.List)
            {
                full[field.Name] = Enumerable.Range(0, FieldLimits.ListItems).Select(_ => Filler(field.Limit)).ToList();
            }
        }

        foreach (var fields in new[] { template.Example, full })
        {
            var result = s_kit.Generate(set, slug, fields);

            Assert.True(result.IsValid, string.Join('\n', result.Errors.Select(e => $"{e.Field}: {e.Message}")));
            foreach (var letter in result.Letters)
            {
                var model = ScriptModelBuilder.Build(template, FieldValueParser.Parse(template, fields), result.Context, letter.Recipient, [TemplateValidator.SampleRecipient], letter.CopyTo);
                var guidance = s_kit.Renderer.RenderMarkdown(TemplateCompiler.Compile("{{ include 'klagevejledning' }}", "x.md", 1), set.Partials, model).Trim();
                Assert.Contains("Sådan klager du", guidance);
                Assert.EndsWith(guidance, letter.Markdown.TrimEnd(), StringComparison.Ordinal);
                Assert.EndsWith(LastLine(guidance), PlainText(letter.BodyHtml), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decision_WithAMegabyteField_IsRefused_NotCut(string slug)
    {
        var set = s_shipped.Value.Templates;
        var template = set.Find(slug)!;
        var field = template.Fields.First(f => f.Type is FieldType.LongText or FieldType.Text);
        var fields = new Dictionary<string, object?>(template.Example, StringComparer.OrdinalIgnoreCase) { [field.Name] = new string('x', 1 << 20) };

        var result = s_kit.Generate(set, slug, fields);

        Assert.False(result.IsValid);
        Assert.Empty(result.Letters);
        Assert.Contains(result.Errors, e => e.Field == field.Name && e.Message.Contains($"'{field.Label}' er for lang"));
    }

    private static string Filler(int length) => string.Concat(Enumerable.Repeat("Lang tekst om sagen. ", length / 21 + 1))[..length].TrimEnd() is var s && s.Length > 0 ? s : "x";

    private static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "")).TrimEnd();

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
}
