using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>/health/live and /health/ready answer without login and say only status words.</summary>
public class HealthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_ReportsDatabaseContentAndMail_WithoutDetails()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/health/ready", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("indhold").GetString());
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("mail").GetString());
        var text = body.GetRawText();
        Assert.DoesNotContain("Data Source", text);
        Assert.DoesNotContain("/tmp", text);
    }

    [Fact]
    public async Task Ready_ReportsTheSearchIndex_HealthyOnceBuilt()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateAnonymousClient();
        await factory.Services.GetRequiredService<Portal.Search.SearchService>().Idle;

        var body = await client.GetFromJsonAsync<JsonElement>("/health/ready", Token);

        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("søgeindeks").GetString());
    }

    [Fact]
    public async Task Live_AnswersWithoutLogin()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/health/live", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString());
    }
}
