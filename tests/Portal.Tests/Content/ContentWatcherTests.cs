using System.Net.Http.Json;
using System.Text.Json;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>Edits on disk reach the running portal through the file watcher, without a restart.</summary>
public sealed class ContentWatcherTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ChangedFile_AppearsWithoutRestart()
    {
        var client = _factory.CreateClientAs(Roles.Caseworker);
        var path = Path.Combine(_factory.Content.Path, "arbejdsgange/02-tilbud/ventilen.md");

        File.WriteAllText(path, File.ReadAllText(path).Replace("titel: Ventilen", "titel: Ventilen – opdateret"));

        var title = await PollTitleAsync(client, "arbejdsgange/02-tilbud/ventilen", t => t.EndsWith("opdateret"));
        Assert.Equal("Ventilen – opdateret", title);
    }

    [Fact]
    public async Task NewFile_AppearsAndBrokenFileIsReportedWithoutRestart()
    {
        var client = _factory.CreateClientAs(Roles.Coordinator);

        _factory.Content.Write("arbejdsgange/02-tilbud/ny.md", "---\ntitel: Nyt tilbud\ntovholder: proceskonsulent-voksen\nrevideres: 2099-01-01\ntype: tilbud\n---\nTekst\n");
        _factory.Content.Write("arbejdsgange/02-tilbud/fejl.md", "---\ntitel: Fejl\n---\n");

        Assert.Equal("Nyt tilbud", await PollTitleAsync(client, "arbejdsgange/02-tilbud/ny", _ => true));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement errors;
        do
        {
            errors = await client.GetFromJsonAsync<JsonElement>("/api/content/errors", TestContext.Current.CancellationToken);
        }
        while (!errors.EnumerateArray().Any(e => e.GetProperty("file").GetString()!.EndsWith("fejl.md")) && DateTime.UtcNow < deadline && await Delay());
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("file").GetString()!.EndsWith("fejl.md") && e.GetProperty("message").GetString()!.Contains("tovholder"));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200, TestContext.Current.CancellationToken);
        return true;
    }

    private static async Task<string?> PollTitleAsync(HttpClient client, string slug, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync("/api/documents/" + slug, TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var title = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("title").GetString()!;
                if (done(title))
                {
                    return title;
                }
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return null;
    }
}
