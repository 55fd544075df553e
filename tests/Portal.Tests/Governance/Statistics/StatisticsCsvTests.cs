using System.Text;
using Portal.Governance;

namespace Portal.Tests.Governance.Statistics;

public class StatisticsCsvTests
{
    [Fact]
    public void Write_HasBom_SemicolonsAndCrlf_AndQuotesWhatExcelWouldSplit()
    {
        var table = new StatisticsTable("T", "C", ["Måned", "Skabelon", "Antal"],
        [
            ["november 2026", "Afslag; børn", "2"],
            ["oktober 2026", "Et \"citat\"", "1"],
            ["oktober 2026", "=HYPERLINK(\"x\")", "1"],
        ]);

        var bytes = StatisticsCsv.Write(table);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "Måned;Skabelon;Antal\r\n" +
            "november 2026;\"Afslag; børn\";2\r\n" +
            "oktober 2026;\"Et \"\"citat\"\"\";1\r\n" +
            "oktober 2026;\"'=HYPERLINK(\"\"x\"\")\";1\r\n",
            text);
    }
}
