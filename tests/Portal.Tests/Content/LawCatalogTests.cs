using Portal.Content;

namespace Portal.Tests.Content;

public class LawCatalogTests
{
    [Theory]
    [InlineData("Barnets Lov § 86", "barnets-lov", "86")]
    [InlineData("barnets lovs § 87", "barnets-lov", "87")]
    [InlineData("SEL § 85", "serviceloven", "85")]
    [InlineData("servicelovens § 41", "serviceloven", "41")]
    [InlineData("Serviceloven § 100", "serviceloven", "100")]
    [InlineData("Forvaltningsloven § 19", "forvaltningsloven", "19")]
    [InlineData("SEL § 19 a", "serviceloven", "19a")]
    public void Parse_KnownForms_AreRecognised(string text, string law, string paragraph)
    {
        var reference = ParserTestData.Laws.Parse(text);

        Assert.Equal(law, reference.LawKey);
        Assert.Equal(paragraph, reference.Paragraph);
        Assert.NotNull(reference.Url);
    }

    [Theory]
    [InlineData("sel § 85")] // abbreviations are case-sensitive to avoid matching ordinary words
    [InlineData("Kommunens § 5")]
    [InlineData("Barnets Lov")]
    public void Parse_UnknownOrIncomplete_HasNoUrl(string text)
    {
        Assert.Null(ParserTestData.Laws.Parse(text).Url);
    }

    [Fact]
    public void Load_ReadsLawsAndFormerSelMapping()
    {
        using var content = Infrastructure.TestContentDirectory.FromFixture();
        var issues = new List<ContentIssue>();

        var laws = LawCatalog.Load(content.Path, "https://lov.example", issues);

        Assert.Empty(issues);
        Assert.Equal("86", laws.FormerSelToBarnetsLov["41"]);
        Assert.Equal("122", laws.FormerSelToBarnetsLov["19a"]);
        Assert.Contains(laws.Laws, l => l.Key == "serviceloven");
    }
}
