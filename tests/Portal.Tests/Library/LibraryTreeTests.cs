using Bunit;
using Portal.Content;
using Portal.Library;
using Portal.Library.Components;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Library;

public class LibraryTreeTests
{
    [Fact]
    public async Task Build_GroupsByFolderInOrderWithCounts()
    {
        var tree = LibraryTree.Build(await FixtureSnapshot.GetAsync());

        Assert.Equal(["Henvendelse og opstart", "Tilbud uden visitation"], tree.Children.Select(c => c.Title));
        Assert.Equal(2, tree.Children[0].Count);
        Assert.Equal(3, tree.Count);
    }

    [Fact]
    public async Task Build_FilterByArea_KeepsSharedDocuments()
    {
        var tree = LibraryTree.Build(await FixtureSnapshot.GetAsync(), Area.Adults);

        var titles = tree.Children.SelectMany(c => c.Documents).Select(d => d.Title).ToList();
        Assert.Equal(["Tjekliste til første møde", "Ventilen"], titles.Order());
    }

    [Fact]
    public async Task Build_FilterByType_ShowsOnlyThatType()
    {
        var tree = LibraryTree.Build(await FixtureSnapshot.GetAsync(), type: "tjekliste");

        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public async Task TreeView_RendersFolderHeadingsAndDocumentLinks()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        var tree = LibraryTree.Build(await FixtureSnapshot.GetAsync());

        var view = ctx.Render<LibraryTreeView>(p => p.Add(x => x.Tree, tree));

        Assert.Equal(["Henvendelse og opstart (2)", "Tilbud uden visitation (1)"], view.FindAll("h2").Select(h => h.TextContent.Trim()));
        Assert.Contains(view.FindAll("a"), a => a.GetAttribute("href") == "/dokument/arbejdsgange/02-tilbud/ventilen");
    }

    [Fact]
    public async Task TreeView_EmptyAfterFilter_SaysSo()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        var tree = LibraryTree.Build(await FixtureSnapshot.GetAsync(), type: "findes-ikke");

        var view = ctx.Render<LibraryTreeView>(p => p.Add(x => x.Tree, tree));

        Assert.Contains("Ingen dokumenter passer", view.Markup);
    }

    [Fact]
    public async Task TreeView_WithALimit_ListsThatManyPerFolder_AndLinksToTheFolderWithTheFilters()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        var tree = LibraryTree.Build(await FixtureSnapshot.GetAsync());

        var view = ctx.Render<LibraryTreeView>(p => p.Add(x => x.Tree, tree).Add(x => x.Limit, 1).Add(x => x.Filters, "type=arbejdsgang"));

        var first = view.FindAll("section.folder")[0];
        Assert.Single(first.QuerySelectorAll("li.doc-item"));
        Assert.Contains("(2)", first.QuerySelector("h2")!.TextContent); // the heading still counts the whole folder
        var more = first.QuerySelector(".folder-more a")!;
        Assert.Equal("Vis alle 2 dokumenter i Henvendelse og opstart", more.TextContent.Trim());
        Assert.Equal("/bibliotek?mappe=arbejdsgange/01-opstart&type=arbejdsgang", more.GetAttribute("href"));
        // A folder within the limit has no link.
        Assert.Null(view.FindAll("section.folder")[1].QuerySelector(".folder-more"));
    }

    [Fact]
    public async Task Cached_IsTheSameTreeForTheSameSnapshotAndFilter_AndNeverKeepsAnUnknownType()
    {
        var snapshot = await FixtureSnapshot.GetAsync();

        Assert.Same(LibraryTree.Cached(snapshot, Area.Adults, null), LibraryTree.Cached(snapshot, Area.Adults, null));
        Assert.NotSame(LibraryTree.Cached(snapshot, null, "findes-ikke"), LibraryTree.Cached(snapshot, null, "findes-ikke"));
        Assert.Equal(LibraryTree.Build(snapshot, Area.Adults).Count, LibraryTree.Cached(snapshot, Area.Adults, null).Count);
    }
}
