using Portal.Privacy;

namespace Portal.Tests.Privacy;

/// <summary>Issue 14 §9: one CPR detector, tested on the tricks people and word processors use, and on what it must let pass.</summary>
public class CprDetectorTests
{
    [Theory]
    [InlineData("010101-1234")]
    [InlineData("0101011234")]
    [InlineData("01.01.01-1234")]
    [InlineData("01 01 01 1234")]
    [InlineData("01 01 01-1234")]
    [InlineData("01-01-01-1234")]
    [InlineData("01/01/01-1234")]
    [InlineData("010101 1234")]
    [InlineData("010101 - 1234")]
    [InlineData("010101\u20111234")] // non-breaking hyphen
    [InlineData("010101\u20101234")] // hyphen
    [InlineData("010101\u20131234")] // en dash
    [InlineData("010101\u20141234")] // em dash
    [InlineData("010101\u22121234")] // minus sign
    [InlineData("010101\u00A01234")] // no-break space
    [InlineData("01\u202F01\u202F01\u202F1234")] // narrow no-break space
    [InlineData("01\u200901\u200901\u20091234")] // thin space
    [InlineData("010101\u200B-1234")] // zero-width space
    [InlineData("0101\u00AD01-1234")] // soft hyphen
    [InlineData("O1O1O1-1234")] // letter O for zero
    [InlineData("o1o1o1-1234")]
    [InlineData("0l0l0l-l234")] // letter l for one
    [InlineData("0I0I0I-I234")] // capital I for one
    [InlineData("０１０１０１－１２３４")] // full-width digits and hyphen
    [InlineData("Barnet har CPR 310399-1234, se journalen")]
    [InlineData("cpr:010101-1234.")]
    [InlineData("cpr010101-1234")]
    [InlineData("290200-1234")] // 29 February 2000
    [InlineData("311299-9999")]
    [InlineData("Moren (120583-2468) og barnet (050116-1357)")]
    [InlineData("Linje 1\n151008 - 4321\nLinje 3")]
    public void Finds(string text)
    {
        Assert.True(CprDetector.Contains(text), text);
        Assert.DoesNotContain("1234", CprDetector.Redact(text).Replace("l234", "1234").Replace("I234", "1234"));
    }

    [Theory]
    [InlineData("27.12.04-G01-1-26")] // KL journal number
    [InlineData("Journalnr. 27.24.00-A00-1-26 og 27.12.04-P20-3-25")]
    [InlineData("+45 12 34 56 78")] // phone
    [InlineData("Ring på 33 12 34 56 eller 7012 3456")]
    [InlineData("+4530123456")]
    [InlineData("24.11.2026")] // dates
    [InlineData("2026-11-24")]
    [InlineData("mødet 24.11.2026 kl. 10.30-11.45")]
    [InlineData("fra 01.01.2026 til 31.12.2026")]
    [InlineData("320101-1234")] // day 32
    [InlineData("011301-1234")] // month 13
    [InlineData("000101-1234")] // day 0
    [InlineData("300201-1234")] // 30 February
    [InlineData("290201-1234")] // 29 February 2001/1901
    [InlineData("01010112345")] // eleven digits
    [InlineData("1010101234567")]
    [InlineData("1234567890")]
    [InlineData("Sag 2026-012345")]
    [InlineData("Beløbet er 1.234.567,50 kr.")]
    [InlineData("Barnets Lov § 86, stk. 2, og SEL § 41")]
    [InlineData("Oliver lille Olivia")]
    [InlineData("lOlOlO-lOlO")] // letters only: too few real digits
    [InlineData("Version 1.0.1-1234")]
    [InlineData("")]
    [InlineData(null)]
    public void LetsPass(string? text) => Assert.False(CprDetector.Contains(text), text);

    [Theory]
    [InlineData("010101-1234", true)]
    [InlineData(" 0101011234 ", true)]
    [InlineData("sag 010101-1234", false)]
    [InlineData("2026-001", false)]
    public void IsCpr_MeansTheWholeValue(string value, bool expected) => Assert.Equal(expected, CprDetector.IsCpr(value));

    [Fact]
    public void Redact_ReplacesOnlyTheNumber() =>
        Assert.Equal("Borger [CPR] ringede 24.11.2026", CprDetector.Redact("Borger 01.01.01\u20111234 ringede 24.11.2026"));
}
