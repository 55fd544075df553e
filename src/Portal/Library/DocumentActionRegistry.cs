namespace Portal.Library;

/// <summary>
/// Components that features add to the document page's action bar (edit, give feedback, use template).
/// Each receives the document as the parameter "Document".
/// </summary>
public static class DocumentActionRegistry
{
    private static readonly List<Type> s_components = [];

    public static IReadOnlyList<Type> Components
    {
        get
        {
            lock (s_components)
            {
                return s_components.ToList();
            }
        }
    }

    public static void Add<TComponent>() where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        lock (s_components)
        {
            if (!s_components.Contains(typeof(TComponent)))
            {
                s_components.Add(typeof(TComponent));
            }
        }
    }
}
