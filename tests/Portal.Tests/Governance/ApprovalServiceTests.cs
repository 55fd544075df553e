using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Auth;
using Portal.Documents;
using Portal.Governance;
using Portal.Letters;
using Portal.Reviews;
using Portal.Tests.Editing;

namespace Portal.Tests.Governance;

public class ApprovalServiceTests
{
    private const string Slug = EditingHarness.Procedure;
    private static readonly UserProfile Anne = ApprovalRulesTests.Coordinator("anne", "Børnehandicap");
    private static readonly UserProfile Carl = ApprovalRulesTests.Coordinator("carl", "Børnehandicap");
    private static readonly UserProfile Bo = ApprovalRulesTests.Coordinator("bo", "Voksenhandicap");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EditingHarness> HarnessAsync(bool sync = true) => await EditingHarness.CreateAsync(sync: sync, configure: s =>
    {
        s.AddSingleton(Options.Create(new ApprovalOptions
        {
            RequiredTypes = ["arbejdsgang", "brev"],
            Approvers = [new() { Name = "Carl", Email = "carl@test.example", Area = "børn" }, new() { Name = "Jura", Email = "jura@test.example", Role = Roles.Jurist }],
        }));
        s.AddSingleton(Options.Create(new SmtpOptions { Host = "smtp.test", FromAddress = "portal@test.example" }));
        s.AddSingleton<RecordingMailSender>();
        s.AddSingleton<IMailSender>(sp => sp.GetRequiredService<RecordingMailSender>());
        s.AddSingleton<IPublishGate, ApprovalGate>();
        s.AddSingleton<ApprovalMail>();
        s.AddSingleton<ApprovalService>();
        ReadConfirmationTesting.AddReadConfirmation(s);
    });

    private static async Task<(EditorDocument Doc, string Changed)> ChangeAsync(EditingHarness harness, string slug = Slug)
    {
        var doc = await harness.LoadAsync(slug);
        return (doc, doc.Latest.Content.TrimEnd() + "\n\nEn godkendt ændring.\n");
    }

    [Fact]
    public async Task Publish_OfATypeNeedingApproval_IsRefused_AndNothingIsSaved()
    {
        await using var harness = await HarnessAsync();
        var (doc, changed) = await ChangeAsync(harness);

        var result = await harness.SaveAsync(Slug, changed, doc.Stamp, publish: true, user: Anne);

        Assert.Equal(EditStatus.Refused, result.Status);
        Assert.Contains("Send til godkendelse", result.Message);
        Assert.Equal(1, (await harness.LoadAsync(Slug)).Latest.Number);
    }

    [Fact]
    public async Task Submit_KeepsThePublishedVersion_ForCaseworkers_AndMailsTheApprovers()
    {
        await using var harness = await HarnessAsync();
        var (doc, changed) = await ChangeAsync(harness);

        var result = await harness.Get<ApprovalService>().SubmitAsync(Slug, changed, doc.Stamp, "Nyt afsnit", Anne, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("Sagsbehandlerne ser fortsat version 1", result.Message);
        Assert.Equal(1, harness.Snapshot.Find(Slug)!.VersionNumber);
        Assert.DoesNotContain("En godkendt ændring", harness.Snapshot.Find(Slug)!.Html);
        var mails = harness.Get<RecordingMailSender>().Sent;
        Assert.Equal(["jura@test.example", "carl@test.example"], mails.Select(m => m.ToAddress).Order().Reverse().ToList());
        await using var db = harness.CreateDb();
        Assert.Contains(await db.AuditLog.ToListAsync(Ct), a => a.Action == AuditActions.SubmitForApproval && a.Target == Slug);
    }

    [Fact]
    public async Task Submit_WithoutComment_IsAFieldError()
    {
        await using var harness = await HarnessAsync();
        var (doc, changed) = await ChangeAsync(harness);

        var result = await harness.Get<ApprovalService>().SubmitAsync(Slug, changed, doc.Stamp, " ", Anne, Ct);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Equal(ApprovalService.MissingComment, result.Errors.Single().Message);
    }

    [Fact]
    public async Task Approve_ByTheAuthor_IsRefused_ByAnother_Publishes()
    {
        await using var harness = await HarnessAsync();
        var (doc, changed) = await ChangeAsync(harness);
        var approvals = harness.Get<ApprovalService>();
        await approvals.SubmitAsync(Slug, changed, doc.Stamp, "Nyt afsnit", Anne, Ct);
        var id = (await approvals.PendingAsync(Carl, Ct)).Single().Request.Id;

        var self = await approvals.ApproveAsync(id, null, Anne, Ct);
        var otherArea = await approvals.ApproveAsync(id, null, Bo, Ct);
        Assert.Equal(ApprovalRules.SelfApproval, self.Message);
        Assert.Equal(EditStatus.Refused, otherArea.Status);
        Assert.Equal(1, harness.Snapshot.Find(Slug)!.VersionNumber);

        var approved = await approvals.ApproveAsync(id, "Fint", Carl, Ct);

        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(approved.VersionNumber, harness.Snapshot.Find(Slug)!.VersionNumber);
        Assert.Contains("En godkendt ændring", harness.Snapshot.Find(Slug)!.Html);
        Assert.Empty(await approvals.PendingAsync(Carl, Ct));
        var request = await approvals.FindAsync(id, Ct);
        Assert.Equal(ApprovalStatus.Approved, request!.Status);
        Assert.Equal("carl", request.DeciderId);
        Assert.Contains(harness.Get<RecordingMailSender>().Sent, m => m.ToAddress == Anne.Email && m.Subject.StartsWith("Godkendt"));
        await using var db = harness.CreateDb();
        Assert.Contains(await db.AuditLog.ToListAsync(Ct), a => a.Action == AuditActions.Approve && a.User.Contains("carl"));
        var version = await db.DocumentVersions.SingleAsync(v => v.Number == approved.VersionNumber && v.Document!.Slug == Slug, Ct);
        Assert.Equal(VersionSource.Approval, version.Source);
    }

    [Fact]
    public async Task Approval_Lapses_WhenTheTextChangesAfterSubmission()
    {
        await using var harness = await HarnessAsync();
        var (doc, changed) = await ChangeAsync(harness);
        var approvals = harness.Get<ApprovalService>();
        var submitted = await approvals.SubmitAsync(Slug, changed, doc.Stamp, "Nyt afsnit", Anne, Ct);
        await harness.SaveAsync(Slug, changed + "\nEndnu en linje.\n", submitted.Stamp!.Value, publish: false, user: Anne);
        var item = (await approvals.PendingAsync(Carl, Ct)).Single();

        var result = await approvals.ApproveAsync(item.Request.Id, null, Carl, Ct);

        Assert.True(item.Lapsed);
        Assert.False(item.CanApprove);
        Assert.Equal(DocumentStore.ChangedSinceSubmission, result.Message);
        Assert.Equal(1, harness.Snapshot.Find(Slug)!.VersionNumber);
    }

    [Fact]
    public async Task Return_NeedsARemark_AndTellsTheAuthor()
    {
        await using var harness = await HarnessAsync();
        var (doc, changed) = await ChangeAsync(harness);
        var approvals = harness.Get<ApprovalService>();
        await approvals.SubmitAsync(Slug, changed, doc.Stamp, "Nyt afsnit", Anne, Ct);
        var id = (await approvals.PendingAsync(Carl, Ct)).Single().Request.Id;

        var empty = await approvals.ReturnAsync(id, "", Carl, Ct);
        var returned = await approvals.ReturnAsync(id, "Henvis til § 86, stk. 2", Carl, Ct);

        Assert.Equal(EditStatus.Invalid, empty.Status);
        Assert.True(returned.Succeeded);
        Assert.Equal(ApprovalStatus.Returned, (await approvals.FindAsync(id, Ct))!.Status);
        Assert.Contains(harness.Get<RecordingMailSender>().Sent, m => m.ToAddress == Anne.Email && m.Body.Contains("Henvis til § 86, stk. 2"));
        Assert.Equal(1, harness.Snapshot.Find(Slug)!.VersionNumber);
    }

    [Fact]
    public async Task Template_ApprovedByAJurist_RecordsTheLegalApproval_WhichLapsesWhenTheTextChanges()
    {
        await using var harness = await HarnessAsync(sync: false);
        const string template = "skabeloner/breve/test-brev";
        Directory.CreateDirectory(Path.GetDirectoryName(harness.FilePath(template))!);
        await File.WriteAllTextAsync(harness.FilePath(template),
            "---\ntitel: Testbrev\ntype: brev\nområde: børn\ntovholder: koordinator-boern\nrevideres: 2099-01-01\n---\n\nKære borger.\n", Ct);
        await harness.Synchronizer.SyncAsync(Ct);
        var (doc, changed) = await ChangeAsync(harness, template);
        var approvals = harness.Get<ApprovalService>();
        await approvals.SubmitAsync(template, changed, doc.Stamp, "Ny sætning", Anne, Ct);
        var id = (await approvals.PendingAsync(ApprovalRulesTests.Jurist, Ct)).Single().Request.Id;

        Assert.Equal(ApprovalRules.JuristOnly, (await approvals.ApproveAsync(id, null, Carl, Ct)).Message);
        var approved = await approvals.ApproveAsync(id, null, ApprovalRulesTests.Jurist, Ct);

        Assert.True(approved.Succeeded, approved.Message);
        var published = harness.Snapshot.Find(template)!;
        var status = LegalStatus.Read(published, []);
        Assert.True(status.IsApproved);
        Assert.Equal("Johanne Juul", status.ApprovedBy);
        var edited = published with { Body = published.Body + "\nÆndret bagefter.\n" };
        Assert.True(LegalStatus.Read(edited, []).IsLapsed);
    }
}

public sealed class RecordingMailSender : IMailSender
{
    public List<OutgoingMail> Sent { get; } = [];

    public bool Enabled => true;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add(mail);
        }
        return Task.CompletedTask;
    }
}
