using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Reviews;
using static Portal.Tests.Editing.EditingHarness;
using static Portal.Tests.Reviews.ReviewHarness;

namespace Portal.Tests.Reviews;

/// <summary>
/// Reminder e-mails through MailKit to a local SMTP server. The fixture's review dates: the checklist
/// 2099-01-31 and the offer 2099-03-01 (both proceskonsulent-voksen), the procedure 2099-06-30 (koordinator-boern).
/// </summary>
public class ReminderJobTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_GoOut30DaysBeforeAndWhenPassed_OncePerDocumentAndStage()
    {
        await using var h = await StartAsync();

        h.SetToday(2098, 12, 31); // 31 days before the checklist's date
        Assert.Equal(0, (await h.Reminders.RunOnceAsync(Token)).MailsSent);

        h.SetToday(2099, 1, 1); // 30 days before
        var first = await h.Reminders.RunOnceAsync(Token);
        Assert.Equal((1, 1), (first.MailsSent, first.Reminders));
        var dueSoon = Assert.Single(h.Smtp.Messages);
        Assert.Equal(["proces@test.example"], dueSoon.To);
        Assert.Equal("portal@test.example", dueSoon.From);
        Assert.Equal("Handicapportalen: 1 dokument skal revideres inden for 30 dage", dueSoon.Subject);
        Assert.Contains("Kære Test Proceskonsulent", dueSoon.Text);
        Assert.Contains("Tjekliste til første møde: revideres senest 31. januar 2099 (om 30 dage)", dueSoon.Text);
        Assert.Contains("https://portal.test.example/dokument/" + Checklist, dueSoon.Text);

        foreach (var day in new[] { 1, 2, 15, 29 })
        {
            h.SetToday(2099, 1, day);
            Assert.Equal(0, (await h.Reminders.RunOnceAsync(Token)).MailsSent);
        }
        Assert.Single(h.Smtp.Messages);

        h.SetToday(2099, 2, 1); // passed; the offer (2099-03-01) is now within 30 days too: one mail lists both
        var second = await h.Reminders.RunOnceAsync(Token);
        Assert.Equal((1, 2), (second.MailsSent, second.Reminders));
        var overdue = h.Smtp.Messages[1];
        Assert.Equal("Handicapportalen: 2 dokumenter skal revideres (1 er overskredet)", overdue.Subject);
        Assert.Contains("Tjekliste til første møde: revisionsdatoen 31. januar 2099 er overskredet", overdue.Text);
        Assert.Contains("Ventilen: revideres senest 1. marts 2099 (om 28 dage)", overdue.Text);

        h.SetToday(2099, 2, 20);
        Assert.Equal(0, (await h.Reminders.RunOnceAsync(Token)).MailsSent);
        await using var db = h.Editing.CreateDb();
        var sent = await db.SentReminders.OrderBy(r => r.Id).Select(r => new { r.Slug, r.Stage }).ToListAsync(Token);
        Assert.Equal([new { Slug = Checklist, Stage = ReminderStage.DueSoon }, new { Slug = Checklist, Stage = ReminderStage.Overdue }, new { Slug = Offer, Stage = ReminderStage.DueSoon }], sent);
    }

    [Fact]
    public async Task Reminders_GoToEachTovholderSeparately()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 7, 1); // everything has passed

        var result = await h.Reminders.RunOnceAsync(Token);

        Assert.Equal((2, 3), (result.MailsSent, result.Reminders));
        var byRecipient = h.Smtp.Messages.ToDictionary(m => Assert.Single(m.To));
        Assert.Contains("Meddelelse af afslag", byRecipient["koordinator@test.example"].Text);
        Assert.DoesNotContain("Ventilen", byRecipient["koordinator@test.example"].Text);
        Assert.Contains("Ventilen", byRecipient["proces@test.example"].Text);
        Assert.DoesNotContain("Meddelelse af afslag", byRecipient["proces@test.example"].Text);
    }

    [Fact]
    public async Task Reminder_RefusedByTheMailServer_IsNotRecorded_AndIsSentOnTheNextRun()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 1, 1);
        h.Smtp.RejectRecipient = to => to == "proces@test.example";

        var failed = await h.Reminders.RunOnceAsync(Token);

        Assert.Equal((0, 1), (failed.MailsSent, failed.Failed));
        Assert.Empty(h.Smtp.Messages);
        await using (var db = h.Editing.CreateDb())
        {
            Assert.False(await db.SentReminders.AnyAsync(Token));
        }

        h.Smtp.RejectRecipient = _ => false;
        var retried = await h.Reminders.RunOnceAsync(Token);

        Assert.Equal((1, 0), (retried.MailsSent, retried.Failed));
        Assert.Single(h.Smtp.Messages);
    }

    [Fact]
    public async Task Reminder_AfterMarkedAsReviewed_NotSentForTheOldDate_ButAgainBeforeTheNewOne()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 1, 1);
        await h.Reminders.RunOnceAsync(Token);
        var marked = await h.Reviews.MarkReviewedAsync(Checklist, Anne, cancellationToken: Token);
        Assert.True(marked.Succeeded, marked.Message);

        h.SetToday(2099, 2, 1);
        await h.Reminders.RunOnceAsync(Token);
        Assert.Equal(2, h.Smtp.Messages.Count);
        Assert.DoesNotContain("Tjekliste til første møde", h.Smtp.Messages[1].Text);

        h.SetToday(2099, 12, 2); // 30 days before the new date, 2100-01-01
        await h.Reminders.RunOnceAsync(Token);
        Assert.Contains("Tjekliste til første møde: revideres senest 1. januar 2100 (om 30 dage)", h.Smtp.Messages[^1].Text);
    }

    [Fact]
    public async Task TwoRunsAtOnce_SendEachReminderOnce()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 1, 1);

        var runs = await Task.WhenAll(h.Reminders.RunOnceAsync(Token), h.Reminders.RunOnceAsync(Token));

        Assert.Equal(1, runs.Sum(r => r.MailsSent));
        Assert.Single(h.Smtp.Messages);
    }

    [Fact]
    public async Task TovholderWithoutEmail_IsSkipped_AndRemindedOnceAnAddressIsAdded()
    {
        await using var h = await StartAsync();
        var rosterPath = Path.Combine(h.Editing.Content.Path, "tovholdere.yml");
        var roster = await File.ReadAllTextAsync(rosterPath, Token);
        await File.WriteAllTextAsync(rosterPath, roster.Replace("email: proces@test.example", "email: \"\""), Token);
        await h.Editing.Synchronizer.SyncAsync(Token);
        Assert.Equal("", h.Editing.Snapshot.Find(Checklist)!.Owner.Email);
        h.SetToday(2099, 1, 1);

        Assert.Equal(0, (await h.Reminders.RunOnceAsync(Token)).MailsSent);

        await File.WriteAllTextAsync(rosterPath, roster, Token);
        await h.Editing.Synchronizer.SyncAsync(Token);
        Assert.Equal(1, (await h.Reminders.RunOnceAsync(Token)).MailsSent);
        Assert.Equal(["proces@test.example"], Assert.Single(h.Smtp.Messages).To);
    }

    [Fact]
    public async Task WithoutSmtpHost_NothingIsSentOrRecorded()
    {
        await using var h = await StartAsync(smtpEnabled: false);
        h.SetToday(2099, 7, 1);

        var result = await h.Reminders.RunOnceAsync(Token);

        Assert.Equal(new ReminderRunResult(0, 0, 0, 0), result);
        Assert.Equal(0, h.Smtp.Connections);
        await using var db = h.Editing.CreateDb();
        Assert.False(await db.SentReminders.AnyAsync(Token));
    }

    [Fact]
    public async Task BackgroundService_RunsTheJobAtStart()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 1, 1);
        var service = new ReminderService(h.Reminders, h.Editing.Get<IMailSender>(),
            Options.Create(new ReviewOptions { ReminderCheckInterval = TimeSpan.FromHours(1) }), NullLogger<ReminderService>.Instance);

        await service.StartAsync(Token);
        try
        {
            var mail = await h.Smtp.WaitForMessageAsync(TimeSpan.FromSeconds(20));
            Assert.Contains("Tjekliste til første møde", mail.Text);
        }
        finally
        {
            await service.StopAsync(Token);
        }
    }

    [Fact]
    public async Task Planner_SkipsWhatWasSentForTheSameStageAndDate()
    {
        await using var h = await StartAsync();
        var documents = h.Editing.Snapshot.Documents.ToList();
        var checklistDate = new DateOnly(2099, 1, 31);

        var none = ReminderPlanner.Plan(documents, new DateOnly(2099, 2, 1), 30, new HashSet<(string, ReminderStage, DateOnly)>
        {
            (Checklist, ReminderStage.Overdue, checklistDate), (Offer, ReminderStage.DueSoon, new DateOnly(2099, 3, 1)),
        });
        var oldDateOnly = ReminderPlanner.Plan(documents, new DateOnly(2099, 2, 1), 30, new HashSet<(string, ReminderStage, DateOnly)>
        {
            (Checklist, ReminderStage.Overdue, checklistDate.AddYears(-1)),
        });

        Assert.Empty(none);
        Assert.Contains(oldDateOnly, p => p.Document.Slug == Checklist && p.Stage == ReminderStage.Overdue);
    }
}
