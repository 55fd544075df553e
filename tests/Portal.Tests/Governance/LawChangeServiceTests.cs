using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Governance;
using Portal.Reviews;
using Portal.Tests.Editing;

namespace Portal.Tests.Governance;

public class LawChangeServiceTests
{
    private static readonly UserProfile Anne = ApprovalRulesTests.Coordinator("anne", "Børnehandicap");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EditingHarness> HarnessAsync() => EditingHarness.CreateAsync(configure: s =>
    {
        s.AddSingleton<RecordingMailSender>();
        s.AddSingleton<IMailSender>(sp => sp.GetRequiredService<RecordingMailSender>());
        s.AddSingleton<LawChangeService>();
        s.AddSingleton<LawChangeImport>();
    });

    [Fact]
    public async Task Register_FlagsCitingDocuments_MailsEachOwnerOnce_AndClearsWhenChanged()
    {
        await using var harness = await HarnessAsync();
        var service = harness.Get<LawChangeService>();

        var result = await service.RegisterAsync(new LawChangeInput("Barnets Lov §§ 86-87", new DateOnly(2025, 9, 1), "Kompensationsydelse", "https://www.retsinformation.dk"), Anne, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, result.Flagged);
        Assert.Single(harness.Get<RecordingMailSender>().Sent);
        var open = await service.OpenFlagsAsync(Ct);
        Assert.Equal(EditingHarness.Procedure, Assert.Single(open).Document.Slug);

        harness.Clock.Today = harness.Clock.Today.AddDays(1);
        var doc = await harness.LoadAsync(EditingHarness.Procedure);
        await harness.SaveAsync(EditingHarness.Procedure, doc.Latest.Content + "\nTilpasset lovændringen.\n", doc.Stamp, publish: true);

        Assert.Empty(await service.OpenFlagsAsync(Ct));
        var summary = Assert.Single(await service.ListAsync(Ct));
        Assert.Equal((1, 1), (summary.Flagged, summary.Done));
        await using var db = harness.CreateDb();
        Assert.Contains(await db.AuditLog.ToListAsync(Ct), a => a.Action == AuditActions.RegisterLawChange);
    }

    [Theory]
    [InlineData("Ukendt lov § 3", "2025-09-01", "x", null, "ikke genkendt")]
    [InlineData("Serviceloven § 100", null, "x", null, "træder i kraft")]
    [InlineData("Serviceloven § 100", "2025-09-01", " ", null, "Beskriv")]
    [InlineData("Serviceloven § 100", "2025-09-01", "x", "javascript:alert(1)", "https://")]
    public async Task Register_BadInput_GivesADanishError_AndStoresNothing(string paragraphs, string? inForce, string description, string? link, string expected)
    {
        await using var harness = await HarnessAsync();
        var service = harness.Get<LawChangeService>();

        var result = await service.RegisterAsync(new LawChangeInput(paragraphs, inForce is null ? null : DateOnly.Parse(inForce, System.Globalization.CultureInfo.InvariantCulture), description, link), Anne, Ct);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Empty(await service.ListAsync(Ct));
    }

    [Fact]
    public async Task Import_RegistersEachEntryOnce_AndReportsBadEntriesWithTheirLine()
    {
        await using var harness = await HarnessAsync();
        const string yaml = """
            - paragraffer: Barnets Lov § 86
              ikraft: 2025-09-01
              beskrivelse: Merudgifter bliver til kompensationsydelse
              link: https://www.retsinformation.dk
            - paragraffer: Ukendt lov § 3
              ikraft: 2025-09-01
              beskrivelse: Findes ikke
            """;
        var import = harness.Get<LawChangeImport>();

        var first = await import.ImportAsync(yaml, Anne, Ct);
        var again = await import.ImportAsync(yaml, Anne, Ct);

        Assert.Equal((1, 0), (first.Registered, first.Skipped));
        Assert.Contains("Linje 5", Assert.Single(first.Errors));
        Assert.Equal((0, 1), (again.Registered, again.Skipped));
        Assert.Single(await harness.Get<LawChangeService>().ListAsync(Ct));
        Assert.Single(harness.Get<RecordingMailSender>().Sent);
    }

    [Fact]
    public async Task Import_NotAList_GivesADanishError()
    {
        await using var harness = await HarnessAsync();

        var result = await harness.Get<LawChangeImport>().ImportAsync("paragraffer: [", Anne, Ct);

        Assert.Contains("ikke gyldig YAML", Assert.Single(result.Errors));
    }
}
