namespace Portal.Components.Layout;

/// <summary>A menu entry a feature contributes; Policy null means every signed-in user sees it.</summary>
public sealed record NavigationItem(string Href, string Title, string Icon, string? Policy = null, int Order = 100);

/// <summary>Features add their menu entries here from their AddX() so the shell never lists features by hand.</summary>
public static class NavigationRegistry
{
    private static readonly Lock s_gate = new();

    // Entries are added at start and read on every page: readers get an immutable, sorted snapshot without a lock.
    private static IReadOnlyList<NavigationItem> s_items = [];

    public static IReadOnlyList<NavigationItem> Items => Volatile.Read(ref s_items);

    public static void Add(NavigationItem item)
    {
        lock (s_gate)
        {
            if (!s_items.Any(i => i.Href == item.Href))
            {
                Volatile.Write(ref s_items, s_items.Append(item).OrderBy(i => i.Order).ToArray());
            }
        }
    }
}
