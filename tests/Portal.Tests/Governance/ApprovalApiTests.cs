using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Auth;

namespace Portal.Tests.Governance;

public class ApprovalApiTests(GovernanceFactoryFixture fixture) : IClassFixture<GovernanceFactoryFixture>
{
    private const string Slug = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    private readonly GovernanceFactory _factory = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Caseworker_CannotSubmit_OrSeeTheQueue()
    {
        var client = _factory.CreateClientAs(Roles.Caseworker);

        var submit = await client.PostAsJsonAsync("/api/governance/approvals", new { slug = Slug, text = "x", expectedStamp = Guid.Empty, comment = "x" }, Ct);
        var queue = await client.GetAsync("/api/governance/approvals", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
    }

    [Fact]
    public async Task Jurist_SeesTheQueue_ButCannotEdit()
    {
        var jurist = _factory.CreateJuristClient();

        Assert.Equal(HttpStatusCode.OK, (await jurist.GetAsync("/api/governance/approvals", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await jurist.GetAsync($"/api/editing/documents/{Slug}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jurist.GetAsync($"/api/documents/{Slug}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Author_DirectPublishIsRefused_SelfApprovalIs403_AnotherApproverPublishes()
    {
        var author = _factory.CreateClientAs(Roles.Coordinator);
        var doc = await Json(await author.GetAsync($"/api/editing/documents/{Slug}", Ct));
        var stamp = doc.GetProperty("stamp").GetGuid();
        var text = doc.GetProperty("latest").GetProperty("content").GetString()!.TrimEnd() + "\n\nÆndring til godkendelse via API.\n";

        var direct = await author.PostAsJsonAsync("/api/editing/save", new { slug = Slug, text, expectedStamp = stamp, comment = "Direkte", publish = true }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, direct.StatusCode);

        var submit = await author.PostAsJsonAsync("/api/governance/approvals", new { slug = Slug, text, expectedStamp = stamp, comment = "Ny tekst" }, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var queue = await Json(await author.GetAsync("/api/governance/approvals", Ct));
        var item = queue.EnumerateArray().Single(i => i.GetProperty("slug").GetString() == Slug);
        Assert.False(item.GetProperty("canApprove").GetBoolean());
        var id = item.GetProperty("id").GetInt32();

        var self = await author.PostAsJsonAsync($"/api/governance/approvals/{id}/approve", new { remark = "" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("egen ændring", await self.Content.ReadAsStringAsync(Ct));
        var seen = await Json(await _factory.CreateClientAs(Roles.Caseworker).GetAsync($"/api/documents/{Slug}", Ct));
        Assert.DoesNotContain("Ændring til godkendelse via API", seen.GetProperty("html").GetString());

        var approved = await _factory.CreateJuristClient().PostAsJsonAsync($"/api/governance/approvals/{id}/approve", new { remark = "OK" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await Json(await _factory.CreateClientAs(Roles.Caseworker).GetAsync($"/api/documents/{Slug}", Ct));
        Assert.Contains("Ændring til godkendelse via API", after.GetProperty("html").GetString());
    }

    [Fact]
    public async Task QueuePage_Caseworker_IsDenied_Jurist_SeesIt()
    {
        var caseworker = await _factory.SignInAsync("sagsbehandler");
        var jurist = await _factory.SignInAsync("jurist");

        var denied = await caseworker.GetAsync("/godkendelser", Ct);
        var page = WebUtility.HtmlDecode(await jurist.GetStringAsync("/godkendelser", Ct));

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/konto/adgang-naegtet", denied.Headers.Location!.PathAndQuery);
        Assert.Contains("Til godkendelse", page);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }
}
