namespace Portal.Content;

/// <summary>
/// Whether this node may import from and write back to content/. Only one node at a time does (the cluster's
/// content lease); on one node without a cluster it is always held.
/// </summary>
public sealed class ContentLease(bool held = true)
{
    private volatile bool _held = held;

    public bool IsHeld
    {
        get => _held;
        set => _held = value;
    }
}
