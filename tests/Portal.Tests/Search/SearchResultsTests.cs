using Bunit;
using Portal.Content;
using Portal.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public class SearchResultsTests
{
    private static SearchHit Hit(string slug, string title, bool overdue = false, Area area = Area.Children) =>
        new(slug, title, "arbejdsgang", "Arbejdsgang", area, "Giv <mark>afslaget</mark> mundtligt &amp; venligt.", 12.5, "/dokument/" + slug, overdue);

    [Fact]
    public async Task Results_ShowCountSnippetsWithMarksAndFacetCounts()
    {
        await using var ctx = BunitSetup.CreateContext();
        var response = new SearchResponse
        {
            Query = "afslag",
            Hits = [Hit("a/afslag", "Meddelelse af afslag"), Hit("a/gammel", "Gammel arbejdsgang", overdue: true)],
            Total = 2,
            Types = [new FacetCount("arbejdsgang", "Arbejdsgang", 2)],
            Areas = [new FacetCount("børn", "Børn", 2)],
        };

        var cut = ctx.Render<SearchResults>(p => p.Add(x => x.Response, response));

        Assert.Contains("2 resultater for »afslag«", cut.Find(".result-count").TextContent);
        Assert.Equal("afslaget", cut.Find(".hit-snippet mark").TextContent);
        Assert.Equal("Meddelelse af afslag", cut.Find(".hit-title a").TextContent);
        Assert.Equal("/dokument/a/afslag", cut.Find(".hit-title a").GetAttribute("href"));
        Assert.Contains("Arbejdsgang (2)", cut.FindAll(".facet-list a").Select(a => a.TextContent));
        Assert.Equal("/soeg?q=afslag&omraade=b%C3%B8rn", cut.FindAll(".facet-list a").Single(a => a.TextContent.StartsWith("Børn")).GetAttribute("href"));
        Assert.Single(cut.FindAll(".hit-overdue"));
        Assert.Contains("Revision overskredet", cut.Find(".hit-overdue").TextContent);
    }

    [Fact]
    public async Task Results_SelectedFacet_IsMarkedCurrent()
    {
        await using var ctx = BunitSetup.CreateContext();
        var response = new SearchResponse
        {
            Query = "afslag",
            Hits = [Hit("a/afslag", "Meddelelse af afslag")],
            Total = 1,
            Types = [new FacetCount("arbejdsgang", "Arbejdsgang", 1), new FacetCount("tilbud", "Tilbud uden visitation", 3)],
            Areas = [new FacetCount("børn", "Børn", 1)],
        };

        var cut = ctx.Render<SearchResults>(p => p.Add(x => x.Response, response).Add(x => x.Type, "arbejdsgang").Add(x => x.Area, "boern"));

        var current = cut.FindAll("a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Arbejdsgang (1)", current);
        Assert.Contains("Børn (1)", current);
        Assert.Equal("/soeg?q=afslag&type=tilbud&omraade=boern", cut.FindAll(".facet-list a").Single(a => a.TextContent.StartsWith("Tilbud")).GetAttribute("href"));
    }

    [Fact]
    public async Task Results_NoHits_ShowDidYouMeanTipsAndRelatedDocuments()
    {
        await using var ctx = BunitSetup.CreateContext();
        var response = new SearchResponse
        {
            Query = "merudgifer",
            Suggestions = ["merudgifter"],
            Related = [Hit("a/merudgifter", "Merudgifter – børn")],
        };

        var cut = ctx.Render<SearchResults>(p => p.Add(x => x.Response, response));

        Assert.Contains("Ingen resultater", cut.Find(".result-count").TextContent);
        Assert.Equal("/soeg?q=merudgifter", cut.Find(".did-you-mean a").GetAttribute("href"));
        Assert.Contains("Måske leder du efter", cut.Markup);
        Assert.Equal("Merudgifter – børn", cut.Find(".no-results .hit-title a").TextContent);
        Assert.Contains(cut.FindAll(".no-results a"), a => a.GetAttribute("href") == "/bibliotek");
    }

    [Fact]
    public async Task Results_QueryWithoutWords_ShowsDanishMessage()
    {
        await using var ctx = BunitSetup.CreateContext();

        var cut = ctx.Render<SearchResults>(p => p.Add(x => x.Response, new SearchResponse { Query = "***", Message = Searcher.NoWordsMessage }));

        Assert.Contains("ingen ord", cut.Markup);
        Assert.Empty(cut.FindAll(".hit"));
    }
}
