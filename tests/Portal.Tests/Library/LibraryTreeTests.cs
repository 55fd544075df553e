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
}
