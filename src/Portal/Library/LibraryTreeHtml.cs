using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Content;
using Portal.Library.Components;

namespace Portal.Library;

/// <summary>
/// The library tree's HTML (<see cref="LibraryTreeView"/>), rendered once per snapshot, filter and day and then served
/// as it is: the same for every reader, and with hundreds of documents the largest part of /bibliotek's render.
/// </summary>
public sealed class LibraryTreeHtml(IServiceScopeFactory scopes, ILoggerFactory loggers, TimeProvider clock)
{
    // Weakly per snapshot: a replaced library takes its pages with it. Keys are bounded by LibraryTree.Cached's
    // checks (known areas, types and folders) and the days one snapshot lives.
    private readonly ConditionalWeakTable<LibrarySnapshot, ConcurrentDictionary<(Area?, string?, string, int?, string, DateOnly), Lazy<Task<string>>>> _pages = new();

    public async Task<MarkupString> GetAsync(LibrarySnapshot snapshot, Area? area, string? type, string root, int? limit, string filters)
    {
        var tree = LibraryTree.Cached(snapshot, area, type, root);
        if (!LibraryTree.Keeps(snapshot, type, root))
        {
            return new MarkupString(await RenderStringAsync(tree, limit, filters)); // what LibraryTree does not keep, nor do we
        }
        var key = (area, type, root, limit, filters, clock.Today());
        var pages = _pages.GetOrCreateValue(snapshot);
        var page = pages.GetOrAdd(key, _ => new Lazy<Task<string>>(() => RenderStringAsync(tree, limit, filters)));
        try
        {
            return new MarkupString(await page.Value);
        }
        catch
        {
            pages.TryRemove(KeyValuePair.Create(key, page)); // the next request tries again
            throw;
        }
    }

    private async Task<string> RenderStringAsync(TreeNode tree, int? limit, string filters)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(LibraryTreeView.Tree)] = tree,
                [nameof(LibraryTreeView.Limit)] = limit,
                [nameof(LibraryTreeView.Filters)] = filters,
            });
            return (await renderer.RenderComponentAsync<LibraryTreeView>(parameters)).ToHtmlString();
        });
    }
}
