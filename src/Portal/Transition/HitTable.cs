namespace Portal.Transition;

public enum HitColumn
{
    CaseNumber,
    DateOfBirth,
    Date,
    Milestone,
}

/// <summary>Sorting and paging of the list view's results, kept out of the component so it can be tested.</summary>
public sealed class HitTable(IReadOnlyList<MilestoneHit> hits, int pageSize = 50)
{
    private IReadOnlyList<MilestoneHit> _sorted = hits.OrderBy(h => h.Date).ThenBy(h => h.Row.CaseNumber, StringComparer.OrdinalIgnoreCase).ToList();

    public HitColumn SortColumn { get; private set; } = HitColumn.Date;

    public bool Descending { get; private set; }

    public int PageIndex { get; private set; }

    public int PageSize => pageSize;

    public int Count => hits.Count;

    public int PageCount => Math.Max(1, (hits.Count + pageSize - 1) / pageSize);

    public IReadOnlyList<MilestoneHit> All => _sorted;

    public IEnumerable<MilestoneHit> Page => _sorted.Skip(PageIndex * pageSize).Take(pageSize);

    /// <summary>Sorts by a column; the same column again reverses the order. Ties keep date then case number order.</summary>
    public void SortBy(HitColumn column)
    {
        Descending = column == SortColumn && !Descending;
        SortColumn = column;
        var ordered = column switch
        {
            HitColumn.CaseNumber => Order(h => h.Row.CaseNumber, StringComparer.OrdinalIgnoreCase),
            HitColumn.DateOfBirth => Order(h => h.Row.DateOfBirth, Comparer<DateOnly>.Default),
            HitColumn.Milestone => Order(h => h.Kind, Comparer<MilestoneKind>.Default),
            _ => Order(h => h.Date, Comparer<DateOnly>.Default),
        };
        _sorted = ordered.ThenBy(h => h.Date).ThenBy(h => h.Row.CaseNumber, StringComparer.OrdinalIgnoreCase).ToList();
        PageIndex = 0;
    }

    public void GoTo(int page) => PageIndex = Math.Clamp(page, 0, PageCount - 1);

    public string AriaSort(HitColumn column) => column != SortColumn ? "none" : Descending ? "descending" : "ascending";

    private IOrderedEnumerable<MilestoneHit> Order<TKey>(Func<MilestoneHit, TKey> key, IComparer<TKey> comparer) =>
        Descending ? hits.OrderByDescending(key, comparer) : hits.OrderBy(key, comparer);
}
