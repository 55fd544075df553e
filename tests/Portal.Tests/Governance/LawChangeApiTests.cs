using System.Net;
using System.Net.Http.Json;
using Portal.Auth;

namespace Portal.Tests.Governance;

public class LawChangeApiTests(GovernanceFactoryFixture fixture) : IClassFixture<GovernanceFactoryFixture>
{
    private readonly GovernanceFactory _factory = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Caseworker_AndJurist_CannotRegister()
    {
        var body = new { paragraphs = "Barnets Lov § 86", inForce = "2025-09-01", description = "x" };

        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.CreateClientAs(Roles.Caseworker).PostAsJsonAsync("/api/governance/law-changes", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.CreateJuristClient().GetAsync("/api/governance/law-changes", Ct)).StatusCode);
    }

    [Fact]
    public async Task Coordinator_Registers_ThePageListsIt_AndTheDashboardFlagsTheDocument()
    {
        var client = _factory.CreateClientAs(Roles.Coordinator);

        var bad = await client.PostAsJsonAsync("/api/governance/law-changes", new { paragraphs = "noget", inForce = "2025-09-01", description = "x" }, Ct);
        var ok = await client.PostAsJsonAsync("/api/governance/law-changes",
            new { paragraphs = "Barnets Lov § 86", inForce = "2025-09-01", description = "Merudgifter bliver til kompensationsydelse" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ikke genkendt", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var coordinator = await _factory.SignInAsync("koordinator");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/lovaendringer", Ct));
        var dashboard = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/revision", Ct));
        Assert.Contains("Merudgifter bliver til kompensationsydelse", page);
        Assert.Contains("lovændring – skal gennemgås", dashboard);
        Assert.Contains("Meddelelse af afslag", dashboard);
    }

    [Fact]
    public async Task LawChangesPage_Caseworker_IsDenied()
    {
        var caseworker = await _factory.SignInAsync("sagsbehandler");

        var response = await caseworker.GetAsync("/lovaendringer", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Import_AsCoordinator_RegistersTheFile_AsCaseworker_Is403()
    {
        const string yaml = "- paragraffer: Forvaltningsloven § 19\n  ikraft: 2026-01-01\n  beskrivelse: Partshøring ændret\n";

        var denied = await _factory.CreateClientAs(Roles.Caseworker).PostAsync("/api/governance/law-changes/import", new StringContent(yaml), Ct);
        var ok = await _factory.CreateClientAs(Roles.Coordinator).PostAsync("/api/governance/law-changes/import", new StringContent(yaml), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"registered\":1", await ok.Content.ReadAsStringAsync(Ct));
    }
}
