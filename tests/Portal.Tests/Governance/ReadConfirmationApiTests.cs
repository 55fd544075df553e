using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Governance;

namespace Portal.Tests.Governance;

public class ReadConfirmationApiTests(GovernanceFactoryFixture fixture) : IClassFixture<GovernanceFactoryFixture>
{
    private const string Offer = "arbejdsgange/02-tilbud/ventilen";
    private const string Checklist = "arbejdsgange/01-opstart/tjekliste-moede";
    private const string Procedure = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    private readonly GovernanceFactory _factory = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> PublishMaterialAsync(string slug, string line, string material = "alle")
    {
        var coordinator = _factory.CreateClientAs(Roles.Coordinator);
        var doc = await Json(await coordinator.GetAsync($"/api/editing/documents/{slug}", Ct));
        var text = doc.GetProperty("latest").GetProperty("content").GetString()!.TrimEnd() + $"\n\n{line}\n";
        var saved = await coordinator.PostAsJsonAsync("/api/editing/save",
            new { slug, text, expectedStamp = doc.GetProperty("stamp").GetGuid(), comment = "Væsentlig", publish = true, material }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return (await Json(saved)).GetProperty("versionNumber").GetInt32();
    }

    private async Task<List<ReadReceipt>> ReceiptsAsync(string slug)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var id = await db.Documents.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync(Ct);
        return await db.Set<ReadReceipt>().AsNoTracking().Where(r => r.DocumentId == id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Caseworker_CannotSeeCoverage_OrSendReminders_ACoordinatorCan()
    {
        var caseworker = _factory.CreateClientAs(Roles.Caseworker);
        var coordinator = _factory.CreateClientAs(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/api/governance/read-confirmations/coverage", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsJsonAsync("/api/governance/read-confirmations/reminders", new { slug = Offer }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateAnonymousClient().GetAsync("/api/governance/read-confirmations/mine", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/governance/read-confirmations/coverage", Ct)).StatusCode);
    }

    [Fact]
    public async Task CoveragePage_Caseworker_IsDenied_Coordinator_SeesIt()
    {
        var caseworker = await _factory.SignInAsync("sagsbehandler");
        var coordinator = await _factory.SignInAsync("koordinator");

        var denied = await caseworker.GetAsync(ReadConfirmationApi.PagePath, Ct);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(ReadConfirmationApi.PagePath, Ct));

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/konto/adgang-naegtet", denied.Headers.Location!.PathAndQuery);
        Assert.Contains("<h1", page);
        Assert.Contains("Læsebekræftelser", page);
    }

    [Fact]
    public async Task Confirm_IsForTheSignedInUserOnly_AndOncePerVersion()
    {
        var version = await PublishMaterialAsync(Offer, "Ventilen har ny åbningstid.");
        var caseworker = await _factory.SignInAsync("sagsbehandler");

        var mine = await Json(await caseworker.GetAsync("/api/governance/read-confirmations/mine", Ct));
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("slug").GetString() == Offer && p.GetProperty("versionNumber").GetInt32() == version);

        // A user id in the body is ignored: the confirmation is the caller's.
        var first = await caseworker.PostAsJsonAsync("/api/governance/read-confirmations", new { slug = Offer, version, userId = "demo:koordinator" }, Ct);
        var second = await caseworker.PostAsJsonAsync("/api/governance/read-confirmations", new { slug = Offer, version }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("allerede", (await Json(second)).GetProperty("outcome").GetString());
        var receipt = Assert.Single(await ReceiptsAsync(Offer), r => r.VersionNumber == version);
        Assert.Equal("demo:sagsbehandler", receipt.UserId);
        var after = await Json(await caseworker.GetAsync("/api/governance/read-confirmations/mine", Ct));
        Assert.DoesNotContain(after.EnumerateArray(), p => p.GetProperty("slug").GetString() == Offer);
        var coverage = await Json(await _factory.CreateClientAs(Roles.Coordinator).GetAsync($"/api/governance/read-confirmations/coverage?slug={Offer}", Ct));
        var reader = coverage[0].GetProperty("readers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Demo sagsbehandler");
        Assert.Equal(JsonValueKind.String, reader.GetProperty("confirmedAt").ValueKind);
    }

    [Fact]
    public async Task Confirm_OfAVersionThatIsNotMaterial_Is422_AndAnUnknownAudienceIsRefused()
    {
        var caseworker = _factory.CreateClientAs(Roles.Caseworker);
        var coordinator = _factory.CreateClientAs(Roles.Coordinator);
        var doc = await Json(await coordinator.GetAsync($"/api/editing/documents/{Checklist}", Ct));

        var notMaterial = await caseworker.PostAsJsonAsync("/api/governance/read-confirmations", new { slug = Checklist, version = 1 }, Ct);
        var unknown = await coordinator.PostAsJsonAsync("/api/editing/save", new
        {
            slug = Checklist,
            text = doc.GetProperty("latest").GetProperty("content").GetString() + "\nx\n",
            expectedStamp = doc.GetProperty("stamp").GetGuid(),
            comment = "x",
            publish = true,
            material = "alle-borgere",
        }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notMaterial.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("hvem der skal læse", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task FormPost_NeedsTheAntiforgeryToken_AndThePageThenShowsItConfirmed()
    {
        var version = await PublishMaterialAsync(Checklist, "Ny punkt på tjeklisten.");
        var caseworker = await _factory.SignInAsync("sagsbehandler");
        var page = await caseworker.GetAsync($"/dokument/{Checklist}", Ct);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Jeg har læst ændringen", html);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string> { ["slug"] = Checklist, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var withoutToken = await caseworker.PostAsync(ReadConfirmationApi.ConfirmPath, new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Empty(await ReceiptsAsync(Checklist));

        form["__RequestVerificationToken"] = token;
        var confirmed = await caseworker.PostAsync(ReadConfirmationApi.ConfirmPath, new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/dokument/{Checklist}?laest=bekraeftet#laesebekraeftelse", confirmed.Headers.Location!.OriginalString);

        // The reading page's ETag covers confirmations: the old copy is not served as 304.
        var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/dokument/{Checklist}");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", page.Headers.ETag!.Tag);
        var fresh = await caseworker.SendAsync(revalidate, Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("du har læst den", WebUtility.HtmlDecode(await fresh.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task ReminderForm_NeedsTheToken_AndACaseworkerWhoIsNotTheTovholderIsRefused()
    {
        await PublishMaterialAsync(Offer, "Endnu en væsentlig ændring af ventilen.");
        var caseworker = await _factory.SignInAsync("sagsbehandler");
        var html = await caseworker.GetStringAsync("/", Ct);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var withoutToken = await caseworker.PostAsync(ReadConfirmationApi.RemindPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["slug"] = Offer }), Ct);
        var refused = await caseworker.PostAsync(ReadConfirmationApi.RemindPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["slug"] = Offer,
            ["__RequestVerificationToken"] = token,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Reminders_WithoutAMailServer_Are422_WithAClearMessage()
    {
        await PublishMaterialAsync(Offer, "Påmindelse uden mailserver.");

        var response = await _factory.CreateClientAs(Roles.Coordinator).PostAsJsonAsync("/api/governance/read-confirmations/reminders", new { slug = Offer }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("mailserver", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Approve_WithAnAudience_PutsTheChangeOnTheCaseworkersList()
    {
        var author = _factory.CreateClientAs(Roles.Coordinator);
        var doc = await Json(await author.GetAsync($"/api/editing/documents/{Procedure}", Ct));
        var text = doc.GetProperty("latest").GetProperty("content").GetString()!.TrimEnd() + "\n\nGodkendt væsentlig ændring.\n";
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsJsonAsync("/api/governance/approvals",
            new { slug = Procedure, text, expectedStamp = doc.GetProperty("stamp").GetGuid(), comment = "Ny regel" }, Ct)).StatusCode);
        var id = (await Json(await author.GetAsync("/api/governance/approvals", Ct))).EnumerateArray().Single(i => i.GetProperty("slug").GetString() == Procedure).GetProperty("id").GetInt32();

        var approved = await _factory.CreateJuristClient().PostAsJsonAsync($"/api/governance/approvals/{id}/approve", new { remark = "OK", material = "alle" }, Ct);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var mine = await Json(await (await _factory.SignInAsync("sagsbehandler")).GetAsync("/api/governance/read-confirmations/mine", Ct));
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("slug").GetString() == Procedure);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
