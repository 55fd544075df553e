using Portal.Transition;
using static Portal.Tests.Transition.TransitionTestOptions;

namespace Portal.Tests.Transition;

public class HitTableTests
{
    private static MilestoneHit Hit(string caseNumber, string date, MilestoneKind kind = MilestoneKind.Adult18) =>
        new(new CaseRow(1, caseNumber, D("2010-01-01"), null), kind, D(date), kind.ToString());

    [Fact]
    public void StartsByDate_SortsByColumn_AndReversesOnSecondClick()
    {
        var table = new HitTable([Hit("B", "2026-03-01"), Hit("a", "2026-01-01"), Hit("C", "2026-02-01")]);

        Assert.Equal(["a", "C", "B"], table.Page.Select(h => h.Row.CaseNumber));
        Assert.Equal("ascending", table.AriaSort(HitColumn.Date));
        table.SortBy(HitColumn.CaseNumber);
        Assert.Equal(["a", "B", "C"], table.Page.Select(h => h.Row.CaseNumber));
        Assert.Equal("none", table.AriaSort(HitColumn.Date));
        table.SortBy(HitColumn.CaseNumber);
        Assert.Equal(["C", "B", "a"], table.Page.Select(h => h.Row.CaseNumber));
        Assert.Equal("descending", table.AriaSort(HitColumn.CaseNumber));
    }

    [Fact]
    public void Pages_HoldPageSizeRows_AndClampTheIndex()
    {
        var table = new HitTable(Enumerable.Range(1, 120).Select(i => Hit($"S{i:000}", "2026-01-01")).ToList(), pageSize: 50);

        Assert.Equal(3, table.PageCount);
        table.GoTo(2);
        Assert.Equal(20, table.Page.Count());
        table.GoTo(99);
        Assert.Equal(2, table.PageIndex);
        table.SortBy(HitColumn.Milestone);
        Assert.Equal(0, table.PageIndex);
    }
}
