using System.Net.Http.Json;
using Portal.Auth;
using Portal.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The index follows content changes on disk (new documents, synonymer.yml) without a restart.</summary>
public class SearchFreshnessTests
{
    private static async Task<List<SearchResultDto>> WaitForAsync(HttpClient client, string query, Func<List<SearchResultDto>, bool> done)
    {
        var results = new List<SearchResultDto>();
        for (var attempt = 0; attempt < 100 && !done(results); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            results = (await client.GetFromJsonAsync<List<SearchResultDto>>("/api/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken))!;
        }
        return results;
    }

    [Fact]
    public async Task NewDocumentAndSynonyms_AreSearchableWithoutRestart()
    {
        await using var factory = new PortalFactory();
        var client = factory.CreateClientAs(Roles.Caseworker);
        Assert.Empty(await client.GetFromJsonAsync<List<SearchResultDto>>("/api/search?q=snescooter", TestContext.Current.CancellationToken) ?? []);

        factory.Content.Write("arbejdsgange/02-tilbud/snescooter.md", """
            ---
            titel: Snescooterklub for unge
            type: tilbud
            område: voksen
            tovholder: proceskonsulent-voksen
            revideres: 2099-03-01
            ---
            ## Målgruppe
            Unge med handicap, der vil køre snescooter.
            """);
        var added = await WaitForAsync(client, "snescooter", r => r.Count > 0);
        Assert.Equal("arbejdsgange/02-tilbud/snescooter", Assert.Single(added).Slug);

        factory.Content.Write(SynonymSet.FileName, "grupper:\n  - [motorslæde, snescooter]\n");
        var synonym = await WaitForAsync(client, "motorslæde", r => r.Count > 0);
        Assert.Equal("arbejdsgange/02-tilbud/snescooter", synonym[0].Slug);
    }
}
