using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>The picker's filters over the shipped templates: each filter narrows on its own, and they combine.</summary>
public class TemplateFilterTests
{
    private static readonly LetterKit s_kit = new();
    private static readonly Lazy<IReadOnlyList<TemplateDefinition>> s_shipped = new(() =>
    {
        using var dir = TestContentDirectory.FromRepository();
        return s_kit.Load(dir.Path).Templates.Templates;
    });

    private static List<TemplateDefinition> Apply(string? query = null, string? type = null, string? area = null, string? law = null) =>
        TemplateFilter.Apply(s_shipped.Value, query, type, area, law).ToList();

    [Fact]
    public void NoFilter_ShowsEveryTemplate() => Assert.Equal(s_shipped.Value.Count, Apply().Count);

    [Theory]
    [InlineData("afgørelse", TemplateKind.Decision)]
    [InlineData("brev", TemplateKind.Letter)]
    public void Type_KeepsOnlyThatKind(string type, TemplateKind kind)
    {
        var rows = Apply(type: type);

        Assert.NotEmpty(rows);
        Assert.All(rows, t => Assert.Equal(kind, t.Kind));
        Assert.Equal(s_shipped.Value.Count(t => t.Kind == kind), rows.Count);
    }

    [Theory]
    [InlineData("børn", Area.Children)]
    [InlineData("voksen", Area.Adults)]
    [InlineData("fælles", Area.Shared)]
    public void Area_KeepsOnlyThatArea(string area, Area expected)
    {
        var rows = Apply(area: area);

        Assert.NotEmpty(rows);
        Assert.All(rows, t => Assert.Equal(expected, t.Document.Area));
    }

    [Fact]
    public void LegalBasis_KeepsTemplatesCitingIt()
    {
        var rows = Apply(law: "Serviceloven § 85");

        Assert.Equal(2, rows.Count(t => t.Kind == TemplateKind.Decision));
        Assert.True(rows.Count < s_shipped.Value.Count);
        Assert.All(rows, t => Assert.Contains(t.Document.LegalBasis, l => l.Text == "Serviceloven § 85"));
    }

    [Fact]
    public void Search_MatchesAllWords_IgnoringCaseAndDanishLetters()
    {
        var rows = Apply("TABT arbejdsfortjeneste");

        // The three TAF decisions, plus any other template tagged with both words (e.g. home training).
        Assert.All(new[] { "afslag", "delvis-bevilling", "bevilling" }, kind => Assert.Contains(rows, t => t.Slug == $"skabeloner/afgoerelser/boern/{kind}-tabt-arbejdsfortjeneste"));
        Assert.Equal(rows.Select(t => t.Slug), Apply("tabt arbejdsfortjeneste").Select(t => t.Slug));
        Assert.NotEmpty(Apply("stoette"));
        Assert.Empty(Apply("tabt findesikke"));
    }

    [Fact]
    public void Filters_Combine()
    {
        var rows = Apply("merudgifter", "afgørelse", "voksen", "Serviceloven § 100");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, t => Assert.Equal(Area.Adults, t.Document.Area));
        Assert.Empty(Apply("merudgifter", "afgørelse", "børn", "Serviceloven § 100"));
    }
}
