using Portal.Content;
using Portal.Search;

namespace Portal.Tests.Search;

public class ParagraphParsingTests
{
    private static readonly LawCatalog s_laws = new(
        [
            new Law("barnets-lov", "Barnets Lov", ["barnets lov", "barnets lovs"], ["BL"], "/eli/lta/2023/721", null),
            new Law("serviceloven", "Serviceloven", ["serviceloven", "servicelovens", "lov om social service"], ["SEL"], "/eli/lta/2024/909", null),
            new Law("forvaltningsloven", "Forvaltningsloven", ["forvaltningsloven", "forvaltningslovens"], ["FVL"], "/eli/lta/2014/433", null),
        ],
        new Dictionary<string, string> { ["41"] = "86", ["42"] = "87", ["19a"] = "122" },
        "https://lov.example");

    private static ParagraphQuery Single(string query) => Assert.Single(new LawQueryParser(s_laws).Parse(DanishText.Normalize(query)));

    [Theory]
    [InlineData("§ 86", null, "86", ParagraphForm.WithSymbol)]
    [InlineData("§86", null, "86", ParagraphForm.WithSymbol)]
    [InlineData("86", null, "86", ParagraphForm.Bare)]
    [InlineData("paragraf 42", null, "42", ParagraphForm.WithSymbol)]
    [InlineData("SEL 41", "serviceloven", "41", ParagraphForm.WithLaw)]
    [InlineData("sel 41", "serviceloven", "41", ParagraphForm.WithLaw)]
    [InlineData("barnets lov 87", "barnets-lov", "87", ParagraphForm.WithLaw)]
    [InlineData("Barnets Lov § 86", "barnets-lov", "86", ParagraphForm.WithLaw)]
    [InlineData("servicelovens § 85", "serviceloven", "85", ParagraphForm.WithLaw)]
    [InlineData("SEL § 19 a", "serviceloven", "19a", ParagraphForm.WithLaw)]
    public void Parse_QueryForms_FindLawAndParagraph(string query, string? law, string paragraph, ParagraphForm form)
    {
        var reference = Single(query);

        Assert.Equal(law, reference.LawKey);
        Assert.Equal(paragraph, reference.Paragraphs[0]);
        Assert.Equal(form, reference.Form);
    }

    [Fact]
    public void Parse_Range_ListsEveryParagraph()
    {
        Assert.Equal(["22", "23", "24"], Single("fvl §§ 22-24").Paragraphs);
    }

    [Fact]
    public void Parse_WordsAroundAParagraph_AreNotPartOfIt()
    {
        var reference = Single("afslag § 86 merudgifter");

        Assert.Equal("§ 86", reference.Text);
    }

    [Fact]
    public void TermsFor_FormerSelNumber_AlsoFindsBarnetsLov()
    {
        var parser = new LawQueryParser(s_laws);

        var terms = parser.TermsFor(Single("SEL 41")).Select(t => t.Term).ToList();

        Assert.Contains("§serviceloven:41", terms);
        Assert.Contains("§barnets-lov:86", terms);
    }

    [Fact]
    public void TermsFor_BarnetsLov_AlsoFindsFormerSelNumber()
    {
        var terms = new LawQueryParser(s_laws).TermsFor(Single("barnets lov 87")).Select(t => t.Term).ToList();

        Assert.Contains("§barnets-lov:87", terms);
        Assert.Contains("§serviceloven:42", terms);
    }

    [Fact]
    public void DocumentParagraphs_UsesLawCatalogAndBareReferences()
    {
        var terms = DocumentParagraphs.Extract("Efter Barnets Lov § 86 og forvaltningslovens §§ 22-24, stk. 2. Se også § 11.", s_laws).ToHashSet();

        Assert.Contains("§barnets-lov:86", terms);
        Assert.Contains("§86", terms);
        Assert.Contains("§forvaltningsloven:23", terms);
        Assert.Contains("§11", terms);
        Assert.DoesNotContain("§2", terms);
    }
}
