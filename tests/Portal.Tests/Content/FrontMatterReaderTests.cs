using Portal.Content;

namespace Portal.Tests.Content;

public class FrontMatterReaderTests
{
    [Fact]
    public void Read_ValidFrontMatter_SplitsBodyAndKeys()
    {
        var split = FrontMatterReader.Read("---\ntitel: Afslag\ntags: [a, b]\n---\n# Brødtekst\n", "x.md");

        Assert.Null(split.Error);
        Assert.Equal("Afslag", split.FrontMatter!.GetString("titel"));
        Assert.Equal(["a", "b"], split.FrontMatter.GetList("tags"));
        Assert.Equal("# Brødtekst\n", split.Body);
        Assert.Equal(5, split.BodyStartLine);
    }

    [Fact]
    public void Read_BomAndCrlf_AreNormalised()
    {
        var split = FrontMatterReader.Read("\uFEFF---\r\ntitel: Afslag\r\n---\r\nTekst\r\n", "x.md");

        Assert.Null(split.Error);
        Assert.Equal("Afslag", split.FrontMatter!.GetString("titel"));
        Assert.Equal("Tekst\n", split.Body);
    }

    [Fact]
    public void Read_MalformedYaml_ReportsDanishErrorWithFileLine()
    {
        var split = FrontMatterReader.Read("---\ntitel: Afslag\ntags: [a, b\nrevideres: 2027-01-01\n---\nTekst", "x.md");

        Assert.NotNull(split.Error);
        Assert.Equal(IssueSeverity.Error, split.Error!.Severity);
        Assert.Contains("ikke gyldig YAML", split.Error.Message);
        Assert.InRange(split.Error.Line, 2, 6);
    }

    [Fact]
    public void Read_ColonInUnquotedValue_ExplainsQuoting()
    {
        var split = FrontMatterReader.Read("---\ntitel: Afslag: børn\n---\n", "x.md");

        Assert.NotNull(split.Error);
        Assert.Equal(2, split.Error!.Line);
        Assert.Contains("anførselstegn", split.Error.Message);
    }

    [Theory]
    [InlineData("# Ingen front matter")]
    [InlineData("---\ntitel: x\n")]
    public void Read_MissingDelimiters_IsError(string text)
    {
        var split = FrontMatterReader.Read(text, "x.md");

        Assert.NotNull(split.Error);
        Assert.Equal(1, split.Error!.Line);
    }

    [Fact]
    public void LineOf_ReportsFileLineOfKey()
    {
        var split = FrontMatterReader.Read("---\ntitel: A\ntovholder: b\n---\n", "x.md");

        Assert.Equal(3, split.FrontMatter!.LineOf("tovholder"));
    }

    [Fact]
    public void GetString_AcceptsAsciiSpellingOfDanishKey()
    {
        var split = FrontMatterReader.Read("---\nomraade: voksen\n---\n", "x.md");

        Assert.Equal("voksen", split.FrontMatter!.GetString("område"));
    }
}
