using Portal.Content;

namespace Portal.Tests.Content;

public class DocumentParserTests
{
    private static ParseResult Parse(string text) => ParserTestData.Parser.Parse("arbejdsgange/x/doc", "arbejdsgange/x/doc.md", text, ParserTestData.Context);

    [Fact]
    public void Parse_ValidDocument_ResolvesOwnerAndDates()
    {
        var result = Parse(ParserTestData.Document(ParserTestData.ValidFrontMatter + "\nlovgrundlag: [Barnets Lov § 86]"));

        Assert.False(result.HasErrors);
        var doc = result.Document!;
        Assert.Equal("Test Koordinator", doc.Owner.Name);
        Assert.Equal(new DateOnly(2027, 6, 30), doc.ReviewDate);
        Assert.Equal(Area.Children, doc.Area);
        Assert.Equal("https://lov.example/eli/lta/2023/721#P86", doc.LegalBasis.Single().Url);
    }

    [Theory]
    [InlineData("titel", "Feltet 'titel' mangler")]
    [InlineData("tovholder", "Feltet 'tovholder' mangler")]
    [InlineData("revideres", "Feltet 'revideres' mangler")]
    public void Parse_MissingRequiredField_IsError(string field, string message)
    {
        var fm = string.Join('\n', ParserTestData.ValidFrontMatter.Split('\n').Where(l => !l.StartsWith(field + ":", StringComparison.Ordinal)));

        var result = Parse(ParserTestData.Document(fm));

        Assert.Null(result.Document);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains(message));
    }

    [Fact]
    public void Parse_UnknownOwner_IsErrorOnItsLine()
    {
        var result = Parse(ParserTestData.Document("titel: A\ntovholder: findes-ikke\nrevideres: 2027-01-01"));

        var issue = Assert.Single(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Contains("'findes-ikke' findes ikke i tovholdere.yml", issue.Message);
        Assert.Equal(3, issue.Line);
    }

    [Theory]
    [InlineData("revideres: 30-06-2027", "gyldig dato")]
    [InlineData("revideres: 2027-02-30", "gyldig dato")]
    [InlineData("type: roman", "Ukendt type 'roman'")]
    [InlineData("område: ældre", "Ukendt område 'ældre'")]
    public void Parse_InvalidValue_IsError(string line, string message)
    {
        var key = line[..line.IndexOf(':')];
        var fm = string.Join('\n', ParserTestData.ValidFrontMatter.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)).Append(line));

        var result = Parse(ParserTestData.Document(fm));

        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains(message));
    }

    [Fact]
    public void Parse_ProcedureMissingSections_WarnsButServes()
    {
        var fm = ParserTestData.ValidFrontMatter.Replace("type: vejledning", "type: arbejdsgang");

        var result = Parse(ParserTestData.Document(fm, "## Formål\nTekst\n\n## Handling\nHvad og hvem.\n"));

        Assert.NotNull(result.Document);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("'## Inddragelse'"));
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("'## Tid'"));
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("mangler: hvornår"));
    }

    [Fact]
    public void Parse_ProcedureInCommonFormat_HasNoWarnings()
    {
        var fm = ParserTestData.ValidFrontMatter.Replace("type: vejledning", "type: arbejdsgang");
        const string body = "## Formål\nx\n## Handling\n| Hvad | Hvem | Hvornår |\n|---|---|---|\n| a | b | c |\n## Inddragelse\n| Hvem | Hvorfor | Hvornår |\n|---|---|---|\n| a | b | c |\n## Tid\n- 4 uger";

        var result = Parse(ParserTestData.Document(fm, body));

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Parse_UnrecognisedLegalBasis_WarnsAndKeepsText()
    {
        var result = Parse(ParserTestData.Document(ParserTestData.ValidFrontMatter + "\nlovgrundlag: [Kommunens politik]"));

        Assert.Equal("Kommunens politik", result.Document!.LegalBasis.Single().Text);
        Assert.Null(result.Document.LegalBasis.Single().Url);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning);
    }
}
