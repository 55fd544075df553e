using Portal.Content;

namespace Portal.Letters;

/// <summary>content/satser.yml as it is on disk, re-read when the file changes (checks and letters use the same table).</summary>
public sealed class RateFiles(ContentRoot root, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private (string Stamp, RateTable Table, IReadOnlyList<ContentIssue> Issues) _cached = ("", RateTable.Empty, []);

    public RateTable Current() => Load().Table;

    /// <summary>The table's problems (malformed, overdue, unverified) for Indholdsfejl.</summary>
    public IReadOnlyList<ContentIssue> Issues() => Load().Issues;

    private (string Stamp, RateTable Table, IReadOnlyList<ContentIssue> Issues) Load()
    {
        var path = Path.Combine(root.Path, RateTable.FileName);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var stamp = (File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks + ":" + new FileInfo(path).Length : "-") + "@" + today.DayNumber;
        lock (_gate)
        {
            if (_cached.Stamp == stamp)
            {
                return _cached;
            }
        }
        var issues = new List<ContentIssue>();
        var table = RateTable.Load(root.Path, today, issues);
        var loaded = (stamp, table, (IReadOnlyList<ContentIssue>)issues);
        lock (_gate)
        {
            _cached = loaded;
        }
        return loaded;
    }
}
