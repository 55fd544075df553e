namespace Portal.Components.Layout;

/// <summary>A menu entry a feature contributes; Policy null means every signed-in user sees it.</summary>
public sealed record NavigationItem(string Href, string Title, string Icon, string? Policy = null, int Order = 100);

/// <summary>Features add their menu entries here from their AddX() so the shell never lists features by hand.</summary>
public static class NavigationRegistry
{
    private static readonly List<NavigationItem> s_items = [];

    public static IReadOnlyList<NavigationItem> Items
    {
        get
        {
            lock (s_items)
            {
                return s_items.OrderBy(i => i.Order).ToList();
            }
        }
    }

    public static void Add(NavigationItem item)
    {
        lock (s_items)
        {
            if (!s_items.Any(i => i.Href == item.Href))
            {
                s_items.Add(item);
            }
        }
    }
}
