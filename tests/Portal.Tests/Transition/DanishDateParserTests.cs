using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class DanishDateParserTests
{
    [Theory]
    [InlineData("03-04-2010", "2010-04-03")]
    [InlineData("3.4.2010", "2010-04-03")]
    [InlineData("3/4/2010", "2010-04-03")]
    [InlineData("2010-04-03", "2010-04-03")]
    [InlineData("03042010", "2010-04-03")]
    [InlineData(" 03-04-2010 ", "2010-04-03")]
    [InlineData("03-04-2010 00:00:00", "2010-04-03")]
    [InlineData("2010-04-03T00:00:00", "2010-04-03")]
    [InlineData("3. april 2010", "2010-04-03")]
    [InlineData("29-02-2012", "2012-02-29")]
    [InlineData("31-12-2010", "2010-12-31")]
    public void Parses_CommonDanishFormats(string input, string expected)
    {
        Assert.True(DanishDateParser.TryParse(input, out var date, out var error), error);
        Assert.Equal(D(expected), date);
    }

    [Theory]
    [InlineData("29-02-2011", "februar 2011 har 28 dage")]
    [InlineData("31-04-2010", "april 2010 har 30 dage")]
    [InlineData("00-04-2010", "april 2010 har 30 dage")]
    [InlineData("03-13-2010", "måneden skal være mellem 1 og 12")]
    [InlineData("03-04-10", "fire cifre")]
    [InlineData("030410", "fire cifre")]
    [InlineData("030410-1234", "CPR-nummer")]
    [InlineData("0304101234", "CPR-nummer")]
    [InlineData("", "mangler")]
    [InlineData("i morgen", "er ikke en dato")]
    [InlineData("2010-04", "er ikke en dato")]
    [InlineData("0000-04-03", "ugyldigt årstal")]
    public void Rejects_WithADanishReason(string input, string reason)
    {
        Assert.False(DanishDateParser.TryParse(input, out _, out var error));
        Assert.Contains(reason, error);
    }
}
