using System.Text;
using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class CaseListParserTests
{
    private static readonly DateOnly s_today = D("2026-11-23");

    private static CaseListParseResult Parse(string text, int maxRows = 1000) => new CaseListParser(Rules(), maxRows).Parse(text, s_today);

    private static CaseListParseResult Parse(byte[] bytes) => new CaseListParser(Rules(), 1000).Parse(bytes, s_today);

    [Theory]
    [InlineData(";", "semikolon")]
    [InlineData(",", "komma")]
    [InlineData("\t", "tabulator")]
    public void DetectsTheDelimiter(string delimiter, string name)
    {
        var result = Parse($"Sagsnummer{delimiter}Fødselsdato\n2026-1{delimiter}03-04-2010\n2026-2{delimiter}2011-12-31\n");

        Assert.Null(result.FatalError);
        Assert.Equal(["2026-1", "2026-2"], result.Rows.Select(r => r.CaseNumber));
        Assert.Equal(D("2011-12-31"), result.Rows[1].DateOfBirth);
        Assert.Contains(result.Notes, n => n.Contains(name));
    }

    [Fact]
    public void FindsColumnsByHeading_InAnyOrder_AndIgnoresNameColumns()
    {
        var result = Parse("Navn;Født;Sagsnr\nAnna;03-04-2010;77\n");

        var row = Assert.Single(result.Rows);
        Assert.Equal("77", row.CaseNumber);
        Assert.Equal(D("2010-04-03"), row.DateOfBirth);
        Assert.Contains(result.Notes, n => n.Contains("'Navn' er ikke brugt"));
    }

    [Fact]
    public void MissingDateOfBirthColumn_IsAClearFatalError()
    {
        var result = Parse("Sagsnummer;Navn\n1;Anna\n");

        Assert.Contains("Kolonnen 'fødselsdato' mangler", result.FatalError);
        Assert.Contains("'Sagsnummer', 'Navn'", result.FatalError);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void MissingCaseNumberColumn_IsAClearFatalError()
    {
        Assert.Contains("Kolonnen 'sagsnummer' mangler", Parse("Fødselsdato;Navn\n03-04-2010;Anna\n").FatalError);
    }

    [Fact]
    public void OneColumnOnly_ExplainsTheDelimiter()
    {
        Assert.Contains("kun én kolonne", Parse("2026-1 03-04-2010\n2026-2 03-04-2011\n").FatalError);
    }

    [Fact]
    public void PipeDelimiter_IsNamed()
    {
        Assert.Contains("bruger '|' som skilletegn", Parse("sagsnummer|fødselsdato\n1|03-04-2010\n").FatalError);
    }

    [Fact]
    public void WithoutHeadings_FirstColumnIsCaseNumber()
    {
        var result = Parse("2026-1;03-04-2010\n2026-2;04-05-2011\n");

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(1, result.Rows[0].Line);
        Assert.Contains(result.Notes, n => n.Contains("ingen overskrifter"));
    }

    [Fact]
    public void WithoutHeadings_DateFirst_IsUnderstood()
    {
        var row = Assert.Single(Parse("03-04-2010;A-17\n").Rows);

        Assert.Equal("A-17", row.CaseNumber);
    }

    [Fact]
    public void UnrecognisedHeadings_AreAFatalError()
    {
        Assert.Contains("Kolonnerne blev ikke fundet", Parse("a;b\nc;d\n").FatalError);
    }

    [Fact]
    public void BadLines_AreReportedWithLineNumbers_AndGoodLinesKept()
    {
        var text = "sagsnummer;fødselsdato\n1;03-04-2010\n2;31-02-2010\n\n3;03-04-2031\n4\n;03-04-2010\n5;030410-1234\n6;1899-01-01\n";

        var result = Parse(text);

        Assert.Null(result.FatalError);
        Assert.Equal(["1"], result.Rows.Select(r => r.CaseNumber));
        Assert.Equal(6, result.ErrorCount);
        Assert.Equal([3, 5, 6, 7, 8, 9], result.Errors.Select(e => e.Line));
        Assert.Contains("februar 2010 har 28 dage", result.Errors[0].Text);
        Assert.Contains("ligger i fremtiden", result.Errors[1].Text);
        Assert.Contains("Fødselsdatoen mangler", result.Errors[2].Text);
        Assert.Contains("Sagsnummeret mangler", result.Errors[3].Text);
        Assert.Contains("CPR-nummer", result.Errors[4].Text);
        Assert.Contains("for langt tilbage", result.Errors[5].Text);
        Assert.Equal("Linje 3: Fødselsdato: 31. februar 2010 findes ikke: februar 2010 har 28 dage.", result.Errors[0].ToString());
    }

    [Fact]
    public void CprNumberAsCaseNumber_IsRefused()
    {
        var result = Parse("sagsnummer;fødselsdato\n0304101234;03-04-2010\n");

        Assert.Empty(result.Rows);
        Assert.Contains("ligner et CPR-nummer", Assert.Single(result.Errors).Text);
    }

    [Fact]
    public void DuplicateCaseNumbers_KeepTheFirstAndWarn()
    {
        var result = Parse("sagsnummer;fødselsdato\nA;03-04-2010\nA;03-04-2011\n");

        Assert.Equal(D("2010-04-03"), Assert.Single(result.Rows).DateOfBirth);
        Assert.Contains("står også på linje 2", Assert.Single(result.Warnings).Text);
    }

    [Fact]
    public void QuotedFields_WithDelimitersInside_AreRead()
    {
        var result = Parse("\"sagsnummer\";\"fødselsdato\"\n\"A;1 \"\"x\"\"\";\"03-04-2010\"\n");

        Assert.Equal("A;1 \"x\"", Assert.Single(result.Rows).CaseNumber);
    }

    [Fact]
    public void UnclosedQuote_IsALineError()
    {
        var result = Parse("sagsnummer;fødselsdato\n\"A;03-04-2010\n");

        Assert.Contains("anførselstegn", Assert.Single(result.Errors).Text);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void AnyLineEnding_GivesTheSameLineNumbers(string newline)
    {
        var result = Parse(string.Join(newline, "sagsnummer;fødselsdato", "1;03-04-2010", "2;x", ""));

        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void ExcelSepLine_SetsTheDelimiter()
    {
        var result = Parse("sep=,\nsagsnummer,fødselsdato\n1,03-04-2010\n");

        Assert.Single(result.Rows);
    }

    [Fact]
    public void ArrivalColumn_IsReadAndValidated()
    {
        var result = Parse("sagsnummer;fødselsdato;tilflytning\n1;03-04-2010;01-05-2026\n2;03-04-2010;\n3;03-04-2010;01-01-2009\n");

        Assert.Equal(D("2026-05-01"), result.Rows[0].Arrival);
        Assert.Null(result.Rows[1].Arrival);
        Assert.Contains("før fødselsdatoen", Assert.Single(result.Errors).Text);
    }

    [Fact]
    public void EmptyInput_AndHeadingsOnly_AreFatal()
    {
        Assert.Contains("tom", Parse("  \n\n").FatalError);
        Assert.Contains("ingen linjer med data", Parse("sagsnummer;fødselsdato\n").FatalError);
    }

    [Fact]
    public void TooManyRows_IsRefusedBeforeProcessing()
    {
        var text = "sagsnummer;fødselsdato\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"{i};03-04-2010\n"));

        Assert.Contains("mere end 10 linjer", Parse(text, maxRows: 10).FatalError);
    }

    [Fact]
    public void ErrorMessages_AreCapped_ButCounted()
    {
        var text = "sagsnummer;fødselsdato\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"{i};x\n"));

        var result = Parse(text);

        Assert.Equal(300, result.ErrorCount);
        Assert.Equal(200, result.Errors.Count);
    }

    [Fact]
    public void Utf8WithBom_IsRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Sagsnummer;Fødselsdato\nÆ-1;03-04-2010\n")).ToArray();

        var result = Parse(bytes);

        Assert.Equal("Æ-1", Assert.Single(result.Rows).CaseNumber);
        Assert.DoesNotContain(result.Notes, n => n.Contains("UTF-8"));
    }

    [Fact]
    public void Windows1252_FallsBackWithANote()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Sagsnummer;Fødselsdato\nØ-1;03-04-2010\n");

        var result = Parse(bytes);

        Assert.Equal("Ø-1", Assert.Single(result.Rows).CaseNumber);
        Assert.Contains(result.Notes, n => n.Contains("ikke gemt som UTF-8") && n.Contains("Windows-1252"));
    }

    [Fact]
    public void Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Sagsnummer\tFødselsdato\r\n1\t03-04-2010\r\n")).ToArray();

        Assert.Single(Parse(bytes).Rows);
    }

    [Fact]
    public void ExcelWorkbook_AndBinaryFiles_AreRefused()
    {
        Assert.Contains("Excel-projektmappe", Parse([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]).FatalError);
        Assert.Contains("ligner ikke en tekstfil", Parse([0x41, 0x00, 0x42, 0x3B]).FatalError);
    }
}
