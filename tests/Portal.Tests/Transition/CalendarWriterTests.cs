using System.Text;
using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class CalendarWriterTests
{
    private static readonly DateTimeOffset s_stamp = new(2026, 11, 23, 9, 5, 7, TimeSpan.FromHours(1));

    [Fact]
    public void Write_ProducesAnRfc5545CalendarWithAllDayEvents()
    {
        var ics = CalendarWriter.Write([new CalendarEvent("x-1@handicapportalen", D("2026-05-20"), "Cafémøde – sag 1", "Regel: ...")], s_stamp, "Den Gode Overgang");

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
        Assert.Contains("\r\nUID:x-1@handicapportalen\r\n", ics);
        Assert.Contains("\r\nDTSTAMP:20261123T080507Z\r\n", ics);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20260520\r\n", ics);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20260521\r\n", ics);
        Assert.Contains("\r\nSUMMARY:Cafémøde – sag 1\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_EscapesTextValues()
    {
        var ics = CalendarWriter.Write([new CalendarEvent("u", D("2026-01-01"), "a;b,c\\d", "linje 1\nlinje 2")], s_stamp, "K");

        Assert.Contains("SUMMARY:a\\;b\\,c\\\\d\r\n", ics);
        Assert.Contains("DESCRIPTION:linje 1\\nlinje 2\r\n", ics);
    }

    [Fact]
    public void Write_FoldsLongLinesAt75Octets_WithoutSplittingCharacters()
    {
        var description = string.Concat(Enumerable.Repeat("Ændring før 18 år: å, ø og æ – 😀 ", 12));

        var ics = CalendarWriter.Write([new CalendarEvent("u", D("2026-01-01"), "s", description)], s_stamp, "K");

        var physical = ics.Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} oktetter: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:" + CalendarWriter.Escape(description) + "\r\n", unfolded);
    }

    [Fact]
    public void Export_UidIsStableAndHidesTheCaseNumber()
    {
        var hit = new MilestoneHit(new CaseRow(2, "2026-1234", D("2010-04-03"), null), MilestoneKind.CafeMeeting, D("2026-05-20"), "Cafémøde");

        var uid = MilestoneExport.Uid(hit);

        Assert.Equal(uid, MilestoneExport.Uid(hit with { Date = D("2026-08-19") }));
        Assert.DoesNotContain("2026-1234", uid);
        Assert.EndsWith("@handicapportalen", uid);
    }

    [Fact]
    public void Export_CalendarHasOneEventPerHitWithTheRule()
    {
        var options = Shipped();
        var list = new MilestoneList(new TransitionRules(options), new MilestoneDescriber(options));
        var hits = list.Build([new CaseRow(2, "A", D("2010-04-03"), null)], D("2026-01-01"), D("2026-12-31"));

        var ics = Encoding.UTF8.GetString(MilestoneExport.Calendar(hits, list, s_stamp)).Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Equal(hits.Count, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DESCRIPTION:Regel: ", ics);
        Assert.Contains("– sag A", ics);
    }

    [Fact]
    public void Export_CsvHasBomSemicolonsAndNeutralisedFormulas()
    {
        var hit = new MilestoneHit(new CaseRow(2, "=1+1", D("2010-04-03"), null), MilestoneKind.CafeMeeting, D("2026-05-20"), "Cafémøde; 16 år");

        var bytes = MilestoneExport.Csv([hit]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Sagsnummer;Fødselsdato;Dato;Milepæl\r\n'=1+1;2010-04-03;2026-05-20;\"Cafémøde; 16 år\"\r\n", text);
    }
}
