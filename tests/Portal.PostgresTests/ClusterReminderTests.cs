using System.Globalization;
using Portal.PostgresTests.Infrastructure;
using Portal.Tests.Infrastructure;
using Portal.Tests.Reviews;

namespace Portal.PostgresTests;

/// <summary>
/// Issue 11: "a reminder due is mailed once" with two nodes on one database, both running the reminder service
/// against one real SMTP listener: the run-once job claim means the tovholder gets one mail, not one per node.
/// </summary>
public sealed class ClusterReminderTests : IAsyncLifetime
{
    private const string Due = "arbejdsgange/01-opstart/meddelelse-af-afslag";

    private readonly LocalSmtpServer _smtp = new();
    private TestContentDirectory _content = null!;
    private PostgresNode _a = null!;
    private PostgresNode _b = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        _content = TestContentDirectory.FromFixture();
        // One document due in ten days (inside Reviews:ReminderDaysBefore), every other fixture date lies in 2099.
        var file = Path.Combine(_content.Path, Due + ".md");
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        File.WriteAllText(file, File.ReadAllText(file).Replace("revideres: 2099-06-30", "revideres: " + dueDate, StringComparison.Ordinal));
        KeyValuePair<string, string>[] settings =
        [
            new("Smtp:Host", "127.0.0.1"),
            new("Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture)),
            new("Smtp:FromAddress", "portal@test.example"),
            new("Smtp:PortalUrl", "https://portal.test.example"),
            new("Reviews:ReminderCheckInterval", "00:00:01"),
        ];
        // Both nodes start at once, so their first runs fall in the same one-second slot and race for it.
        var a = new PostgresNode(connectionString, _content, "node-a", settings);
        var b = new PostgresNode(connectionString, _content, "node-b", settings);
        await Task.WhenAll(Task.Run(() => a.Start()), Task.Run(() => b.Start()));
        (_a, _b) = (a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task DueReminder_WithTwoNodesRunningTheReminderService_IsMailedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(_smtp.Messages.Count > 0), "En påmindelse blev sendt");

        // Several more one-second slots on both nodes: none may send it again.
        await Task.Delay(TimeSpan.FromSeconds(6), ct);

        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["koordinator@test.example"], mail.To);
        Assert.Contains("Meddelelse af afslag", mail.Text + mail.Subject, StringComparison.OrdinalIgnoreCase);
    }
}
