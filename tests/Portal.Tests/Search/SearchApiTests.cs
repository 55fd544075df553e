using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Auth;
using Portal.Search;
using Portal.Tests.Infrastructure;
using Portal.Tests.Library;

namespace Portal.Tests.Search;

public class SearchApiTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    private async Task<List<SearchResultDto>> SearchAsync(string query)
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync("/api/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<SearchResultDto>>(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Search_Anonymous_Gets401()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync("/api/search?q=afslag", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Search_ReturnsFieldsInRankOrder()
    {
        var results = await SearchAsync("afslaget");

        var first = results[0];
        Assert.Equal("arbejdsgange/01-opstart/meddelelse-af-afslag", first.Slug);
        Assert.Equal("Meddelelse af afslag", first.Title);
        Assert.Equal("arbejdsgang", first.Type);
        Assert.Equal("børn", first.Area);
        Assert.Equal("/dokument/arbejdsgange/01-opstart/meddelelse-af-afslag", first.Url);
        Assert.Contains("<mark>", first.Snippet);
        Assert.False(first.Overdue);
        Assert.Equal(results.OrderByDescending(r => r.Score).Select(r => r.Slug), results.Select(r => r.Slug));
    }

    [Theory]
    [InlineData("SEL 41")]
    [InlineData("barnets lov 86")]
    [InlineData("§ 86")]
    public async Task Search_Paragraph_FindsDocumentByLegalBasis(string query)
    {
        Assert.Equal("arbejdsgange/01-opstart/meddelelse-af-afslag", (await SearchAsync(query))[0].Slug);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData(":")]
    [InlineData("(")]
    [InlineData("-")]
    [InlineData("!!! ??? ...")]
    [InlineData("NEAR")]
    [InlineData("afslag OR tjekliste")]
    [InlineData("afslag NEAR/3 møde")]
    [InlineData("'; DROP TABLE Documents; --")]
    [InlineData("1=1 UNION SELECT * FROM Documents")]
    [InlineData("title:afslag AND -møde")]
    public async Task Search_SyntaxCharactersAndSql_GiveResultsNotErrors(string query)
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync("/api/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await response.Content.ReadFromJsonAsync<List<SearchResultDto>>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Search_TwoThousandCharacters_GivesResults()
    {
        var results = await SearchAsync(string.Concat(Enumerable.Repeat("afslag ", 300))[..2000]);

        Assert.Equal("arbejdsgange/01-opstart/meddelelse-af-afslag", results[0].Slug);
    }

    [Theory]
    [InlineData("/api/search", "Søgningen mangler")]
    [InlineData("/api/search?q=", "Søgningen mangler")]
    [InlineData("/api/search?q=%20%20", "Søgningen mangler")]
    [InlineData("/api/search?q=afslag&type=roman", "Ukendt type")]
    [InlineData("/api/search?q=afslag&area=mars", "Ukendt område")]
    [InlineData("/api/search?q=afslag&take=mange", "Ugyldigt antal")]
    [InlineData("/api/search?q=afslag&take=0", "Ugyldigt antal")]
    [InlineData("/api/search?q=afslag&take=100000", "Ugyldigt antal")]
    public async Task Search_BadParameters_Give400WithDanishProblem(string url, string title)
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Search_TypeAreaAndTake_Filter()
    {
        var client = _factory.CreateClientAs(Roles.Caseworker);

        var offers = await client.GetFromJsonAsync<List<SearchResultDto>>("/api/search?q=ensomme+unge+tjekliste+afslag&type=tilbud", TestContext.Current.CancellationToken);
        var adults = await client.GetFromJsonAsync<List<SearchResultDto>>("/api/search?q=ensomme+unge+tjekliste+afslag&area=voksen", TestContext.Current.CancellationToken);
        var one = await client.GetFromJsonAsync<List<SearchResultDto>>("/api/search?q=ensomme+unge+tjekliste+afslag&take=1", TestContext.Current.CancellationToken);

        Assert.All(offers!, r => Assert.Equal("tilbud", r.Type));
        Assert.NotEmpty(offers!);
        Assert.All(adults!, r => Assert.Equal("voksen", r.Area));
        Assert.Single(one!);
    }

    [Fact]
    public async Task Suggestions_AreTheQuickSearchsList_TitleMetaAndAddress_AtMostEight()
    {
        var client = _factory.CreateClientAs(Roles.Caseworker);

        var suggestions = (await client.GetFromJsonAsync<List<SuggestionDto>>("/api/search/forslag?q=afslaget", TestContext.Current.CancellationToken))!;
        var all = await SearchAsync("afslaget");

        Assert.InRange(suggestions.Count, 1, SearchApi.SuggestionCount);
        Assert.Equal(all.Take(SearchApi.SuggestionCount).Select(r => r.Url), suggestions.Select(s => s.Url));
        Assert.Equal("Meddelelse af afslag", suggestions[0].Title);
        Assert.Equal("Arbejdsgang · Børn", suggestions[0].Meta);
    }

    [Theory]
    [InlineData("/api/search/forslag?q=%20", "Søgningen mangler")]
    [InlineData("/api/search/forslag?q=010203-1234", "Søgningen ligner et CPR-nummer")]
    public async Task Suggestions_RefuseWhatTheSearchRefuses_InDanish(string url, string title)
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("010203", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Suggestions_Anonymous_Gets401()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync("/api/search/forslag?q=afslag", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
