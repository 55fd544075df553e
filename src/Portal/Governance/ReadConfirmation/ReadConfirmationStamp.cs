using Portal.Performance;

namespace Portal.Governance;

/// <summary>A confirmation or a new mark changes the document page (button, coverage) without changing the content.</summary>
public sealed class ReadConfirmationStamp(ReadConfirmationService reads) : IReadingPageStamp
{
    public Task<string> StampAsync(CancellationToken cancellationToken) => reads.StampAsync(cancellationToken);
}

/// <summary>
/// The document page of a document with a material change shows each reader their own read state (and the tovholder the
/// coverage): it is rendered for every request, never shared (Performance/SharedPageCache).
/// </summary>
public sealed class ReadConfirmationGate(ReadConfirmationService reads) : ISharedPageGate
{
    public async ValueTask<bool> IsPersonalAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Content.MarkdownRenderer.DocumentRoute, StringComparison.Ordinal))
        {
            return false;
        }
        var slug = Uri.UnescapeDataString(path[Content.MarkdownRenderer.DocumentRoute.Length..]);
        return await reads.HasMaterialChangeAsync(slug, context.RequestAborted);
    }
}
