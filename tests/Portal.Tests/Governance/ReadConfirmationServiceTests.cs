using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using Portal.Governance;
using Portal.Reviews;
using Portal.Tests.Editing;

namespace Portal.Tests.Governance;

public class ReadConfirmationServiceTests
{
    private const string Slug = EditingHarness.Offer;
    internal static readonly UserProfile Sara = new("demo:sara", "Sara Sørensen", "sara@test.example", "", "", "", "Børnehandicap", [Roles.Caseworker]);
    internal static readonly UserProfile Mads = new("demo:mads", "Mads Madsen", "mads@test.example", "", "", "", "Voksenhandicap", [Roles.Caseworker]);
    private static readonly UserProfile Coordinator = new("demo:anne", "Anne Andersen", "anne@test.example", "", "", "", "Børnehandicap", [Roles.Coordinator]);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EditingHarness> HarnessAsync() => EditingHarness.CreateAsync(configure: ReadConfirmationTesting.AddReadConfirmation);

    private static async Task<EditResult> PublishAsync(EditingHarness harness, string line, string? audience)
    {
        var doc = await harness.LoadAsync(Slug);
        ReadAudience.TryParseOptional(audience, out var parsed);
        var result = await harness.Editor.SaveAsync(new SaveRequest(Slug, doc.Latest.Content.TrimEnd() + $"\n\n{line}\n", doc.Stamp, "Ændret", Publish: true),
            Coordinator, harness.Get<ReadConfirmationService>().MarkOnPublish(parsed, Coordinator), Ct);
        Assert.True(result.Succeeded, result.Message);
        return result;
    }

    [Fact]
    public async Task MaterialPublish_ShowsOnTheReadersList_WithTheDiff_UntilConfirmed()
    {
        await using var harness = await HarnessAsync();
        var reads = harness.Get<ReadConfirmationService>();

        var published = await PublishAsync(harness, "Ny frist: svar inden 14 dage.", "alle");

        var pending = Assert.Single(await reads.PendingForAsync(Sara, Ct));
        Assert.Equal((Slug, published.VersionNumber!.Value), (pending.Slug, pending.VersionNumber));
        var state = await reads.StateForAsync(Slug, Sara, Ct);
        Assert.NotNull(state);
        Assert.Equal(1, state.PreviousVersion);
        Assert.Contains(state.Diff, l => l.Kind == DiffKind.Added && l.Text.Contains("Ny frist"));
        Assert.Empty(await reads.PendingForAsync(Coordinator, Ct));

        var confirmed = await reads.ConfirmAsync(Slug, pending.VersionNumber, Sara, Ct);
        var again = await reads.ConfirmAsync(Slug, pending.VersionNumber, Sara, Ct);

        Assert.Equal(ConfirmOutcome.Confirmed, confirmed.Outcome);
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, again.Outcome);
        Assert.Empty(await reads.PendingForAsync(Sara, Ct));
        await using var db = harness.CreateDb();
        var receipt = Assert.Single(await db.Set<ReadReceipt>().ToListAsync(Ct));
        Assert.Equal((Sara.Id, pending.VersionNumber), (receipt.UserId, receipt.VersionNumber));
        var actions = await db.AuditLog.Where(a => a.Target == Slug).Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains(AuditActions.MarkMaterialChange, actions);
        Assert.Single(actions, a => a == AuditActions.ConfirmRead);
    }

    [Fact]
    public async Task NonMaterialPublish_AfterConfirming_NeedsNothing_ButANewMaterialOneDoes()
    {
        await using var harness = await HarnessAsync();
        var reads = harness.Get<ReadConfirmationService>();
        var first = await PublishAsync(harness, "Første væsentlige ændring.", "område:børn");
        await reads.ConfirmAsync(Slug, first.VersionNumber!.Value, Sara, Ct);

        await PublishAsync(harness, "En stavefejl rettet.", null);
        Assert.Empty(await reads.PendingForAsync(Sara, Ct));

        var second = await PublishAsync(harness, "Anden væsentlige ændring.", "alle");
        var pending = Assert.Single(await reads.PendingForAsync(Sara, Ct));
        Assert.Equal(second.VersionNumber, pending.VersionNumber);
        Assert.Equal(ConfirmOutcome.Outdated, (await reads.ConfirmAsync(Slug, first.VersionNumber!.Value, Sara, Ct)).Outcome);
        var state = await reads.StateForAsync(Slug, Sara, Ct);
        Assert.Equal(second.VersionNumber - 1, state!.PreviousVersion);
    }

    [Fact]
    public async Task Coverage_CountsPerPersonAndUnit_AndTheReminderMailsOnlyThoseMissing()
    {
        await using var harness = await HarnessAsync();
        var reads = harness.Get<ReadConfirmationService>();
        var published = await PublishAsync(harness, "Nyt krav om dokumentation.", "alle");
        await reads.ConfirmAsync(Slug, published.VersionNumber!.Value, Sara, Ct);

        var coverage = Assert.Single(await reads.CoverageAsync(null, Ct));
        var reminded = await reads.RemindAsync(Slug, Coordinator, Ct);

        Assert.Equal((1, 2), (coverage.Confirmed, coverage.Total));
        Assert.Equal([new UnitCoverage("Børnehandicap", 1, 1), new UnitCoverage("Voksenhandicap", 0, 1)], coverage.Units);
        Assert.Equal([Mads.Name], coverage.Missing.Select(m => m.Reader.Name));
        Assert.True(reminded.Succeeded, reminded.Message);
        var mail = Assert.Single(harness.Get<RecordingMailSender>().Sent);
        Assert.Equal(Mads.Email, mail.ToAddress);
        Assert.Contains("https://portal.test/dokument/" + Slug, mail.Body);
        await using var db = harness.CreateDb();
        Assert.Single(await db.AuditLog.Where(a => a.Action == AuditActions.ReadReminder).ToListAsync(Ct));
    }

    [Fact]
    public async Task Approve_WithAnAudience_MarksThePublishedVersionMaterial()
    {
        await using var harness = await ApprovalServiceTests.HarnessAsync();
        var approvals = harness.Get<ApprovalService>();
        var doc = await harness.LoadAsync(EditingHarness.Procedure);
        var author = ApprovalRulesTests.Coordinator("anne", "Børnehandicap");
        await approvals.SubmitAsync(EditingHarness.Procedure, doc.Latest.Content.TrimEnd() + "\n\nGodkendt og væsentlig.\n", doc.Stamp, "Ny regel", author, Ct);
        var id = (await approvals.PendingAsync(author, Ct)).Single().Request.Id;
        Assert.True(ReadAudience.TryParse("område:børn", out var children));

        var approved = await approvals.ApproveAsync(id, null, ApprovalRulesTests.Coordinator("carl", "Børnehandicap"), Ct, children);

        Assert.True(approved.Succeeded, approved.Message);
        var pending = Assert.Single(await harness.Get<ReadConfirmationService>().PendingForAsync(Sara, Ct));
        Assert.Equal((EditingHarness.Procedure, approved.VersionNumber!.Value), (pending.Slug, pending.VersionNumber));
        Assert.Empty(await harness.Get<ReadConfirmationService>().PendingForAsync(Mads, Ct));
    }

    [Fact]
    public async Task Reminder_FromACaseworkerWhoIsNotTheTovholder_IsRefused()
    {
        await using var harness = await HarnessAsync();
        await PublishAsync(harness, "Ændring.", "alle");

        var result = await harness.Get<ReadConfirmationService>().RemindAsync(Slug, Sara, Ct);

        Assert.True(result.Refused);
        Assert.Empty(harness.Get<RecordingMailSender>().Sent);
    }

    [Fact]
    public async Task Confirm_WithoutAMaterialChange_IsNotRequired_AndStoresNothing()
    {
        await using var harness = await HarnessAsync();
        await PublishAsync(harness, "Ikke væsentlig.", null);

        var result = await harness.Get<ReadConfirmationService>().ConfirmAsync(Slug, 2, Sara, Ct);

        Assert.Equal(ConfirmOutcome.NotRequired, result.Outcome);
        await using var db = harness.CreateDb();
        Assert.Empty(await db.Set<ReadReceipt>().ToListAsync(Ct));
    }

    [Fact]
    public async Task StatisticsSection_CountsConfirmedAgainstThoseWhoMustRead_WithoutNames()
    {
        await using var harness = await HarnessAsync();
        var reads = harness.Get<ReadConfirmationService>();
        var section = new ReadCoverageSection(reads);
        var today = TimeProvider.System.Today();
        Assert.Empty((await section.BuildAsync(StatisticsPeriod.Ending(today), Ct)).Rows);

        var published = await PublishAsync(harness, "Ny frist: svar inden 14 dage.", "alle");
        await reads.ConfirmAsync(Slug, published.VersionNumber!.Value, Sara, Ct);

        var table = await section.BuildAsync(StatisticsPeriod.Ending(today), Ct);
        var row = Assert.Single(table.Rows);
        Assert.Equal(published.VersionNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
        Assert.Equal(["1", "2", "50 %"], row.Skip(4));
        Assert.DoesNotContain(table.Rows.SelectMany(r => r), cell => cell.Contains("Sara", StringComparison.Ordinal) || cell.Contains("Mads", StringComparison.Ordinal));
        Assert.Equal([1.0], table.Chart!.Series.Single(s => s.Name == "Bekræftet").Values);
        Assert.Equal([1.0], table.Chart.Series.Single(s => s.Name == "Mangler").Values);
        // A period before the change shows nothing.
        Assert.Empty((await section.BuildAsync(new StatisticsPeriod(today.AddYears(-2), today.AddYears(-1)), Ct)).Rows);
    }

    [Fact]
    public async Task Stamp_ChangesAtOnceWithAConfirmationHere_AndWithinASecondWithOneWrittenByAnotherNode()
    {
        await using var harness = await HarnessAsync();
        var reads = harness.Get<ReadConfirmationService>();
        Assert.Null(await reads.StateForAsync(Slug, Sara, Ct)); // no material change yet: the cached answer
        var published = await PublishAsync(harness, "Ny frist: svar inden 14 dage.", "alle");
        Assert.NotNull(await reads.StateForAsync(Slug, Sara, Ct)); // the publish's new snapshot ends the cached copy
        var before = await reads.StampAsync(Ct);

        await reads.ConfirmAsync(Slug, published.VersionNumber!.Value, Sara, Ct);

        var afterConfirm = await reads.StampAsync(Ct);
        Assert.NotEqual(before, afterConfirm);
        Assert.NotNull((await reads.StateForAsync(Slug, Sara, Ct))!.ConfirmedAt);

        // Another node's confirmation reaches this node's database only: no event here, the copy's lifetime ends it.
        await using (var db = harness.CreateDb())
        {
            var id = await db.Documents.Where(d => d.Slug == Slug).Select(d => d.Id).SingleAsync(Ct);
            db.Add(new ReadReceipt { UserId = Mads.Id, DocumentId = id, VersionNumber = published.VersionNumber.Value, ConfirmedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        }
        var seen = DateTime.UtcNow;
        while (await reads.StampAsync(Ct) == afterConfirm)
        {
            Assert.True(DateTime.UtcNow - seen < TimeSpan.FromSeconds(5), "Stemplet fulgte ikke en anden nodes bekræftelse.");
            await Task.Delay(50, Ct);
        }
        Assert.NotNull((await reads.StateForAsync(Slug, Mads, Ct))!.ConfirmedAt);
    }

    [Theory]
    [InlineData(0, 0, "–")]
    [InlineData(2, 3, "66 %")]
    [InlineData(3, 3, "100 %")]
    public void Percent_IsRoundedDown_AndADashWhenNobodyMustRead(int confirmed, int total, string expected) =>
        Assert.Equal(expected, ReadCoverageSection.Percent(confirmed, total));
}

/// <summary>Read confirmation wired for tests: Sara and Mads as the known readers and a recording mail sender.</summary>
public static class ReadConfirmationTesting
{
    public static void AddReadConfirmation(IServiceCollection services)
    {
        services.AddSingleton(Options.Create(new ReadConfirmationOptions
        {
            Readers =
            [
                new() { Id = ReadConfirmationServiceTests.Sara.Id, Name = ReadConfirmationServiceTests.Sara.Name, Email = ReadConfirmationServiceTests.Sara.Email, Unit = ReadConfirmationServiceTests.Sara.Unit },
                new() { Id = ReadConfirmationServiceTests.Mads.Id, Name = ReadConfirmationServiceTests.Mads.Name, Email = ReadConfirmationServiceTests.Mads.Email, Unit = ReadConfirmationServiceTests.Mads.Unit },
            ],
        }));
        services.AddSingleton(Options.Create(new AuthOptions()));
        services.TryAddOptions(new ApprovalOptions());
        services.TryAddOptions(new SmtpOptions { Host = "smtp.test", FromAddress = "portal@test.example", PortalUrl = "https://portal.test" });
        services.TryAddSingleton<RecordingMailSender>();
        services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<RecordingMailSender>());
        services.AddSingleton<ReaderDirectory>();
        services.AddSingleton<ReadReminderMail>();
        services.AddSingleton<ReadConfirmationService>();
    }

    /// <summary>The service over an existing harness's database and catalog (for bUnit setups that build services by hand).</summary>
    public static ReadConfirmationService Create(EditingHarness editing, IMailSender mail) => new(
        editing.Get<IDbContextFactory<Portal.Data.PortalDbContext>>(), editing.Get<Portal.Content.ContentCatalog>(),
        new ReaderDirectory(Options.Create(new ReadConfirmationOptions()), Options.Create(new AuthOptions())),
        new ReadReminderMail(mail, Options.Create(new SmtpOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadReminderMail>.Instance),
        editing.Get<AuditLog>(), Options.Create(new ApprovalOptions()), editing.Clock);

    /// <summary>Options.Create unless a test already registered that type.</summary>
    public static void TryAddOptions<T>(this IServiceCollection services, T value) where T : class
    {
        if (!services.Any(d => d.ServiceType == typeof(IOptions<T>)))
        {
            services.AddSingleton(Options.Create(value));
        }
    }
}
