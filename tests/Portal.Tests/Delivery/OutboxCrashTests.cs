using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Delivery;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Delivery;

/// <summary>
/// The real portal as its own process, killed with SIGKILL in the middle of a burst of sends and restarted on the same
/// database: every queued letter reaches Digital Post (a fake SF1601 receiver) and the journal folder exactly once.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class OutboxCrashTests : IAsyncDisposable
{
    private const int Port = 7251;
    private const int Letters = 50;
    private readonly string _work = Directory.CreateTempSubdirectory("handicap-crash-").FullName;
    private readonly FakeReceiver _receiver = new() { SlowDelay = TimeSpan.FromMilliseconds(800) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string JournalFolder => Path.Combine(_work, "journal");

    private string DbPath => Path.Combine(_work, "data", "portal.db");

    [Fact]
    public async Task KillMinus9DuringABurstOfSends_AfterRestart_EveryQueuedLetterIsDeliveredExactlyOnce()
    {
        using var content = DeliveryFactory.ApprovedContent();
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        var accepted = new ConcurrentBag<Guid>();
        int deliveredAtKill;
        int acceptedAtKill;
        await using (var first = await PortalProcess.StartAsync("crash-1", Port, content.Path, Settings(), TimeSpan.FromSeconds(120)))
        {
            using var client = await SignInAsync(first.Address);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var burst = Parallel.ForEachAsync(Enumerable.Range(0, Letters), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stop.Token }, async (_, token) =>
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt, confirm: true), token);
                    Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}\n{first.Log}");
                    accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("id").GetGuid());
                }
                catch (HttpRequestException)
                {
                    // The server died under this request: it may or may not have been queued; the outbox decides.
                }
            });

            // Kill once a third of Digital Post has been accepted by the receiver and letters are queued but not yet
            // delivered. Under load the sends can be the slow part and the outbox keep up with them: then wait on,
            // at the latest until the burst is done.
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while ((_receiver.Delivered.Count < Letters / 3 || accepted.Count <= _receiver.Delivered.Count) && !burst.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, Ct);
            }
            if (burst.IsFaulted)
            {
                await burst; // an unexpected answer: show it
            }
            deliveredAtKill = _receiver.Delivered.Count;
            acceptedAtKill = accepted.Count;
            first.Kill();
            try
            {
                await burst;
            }
            catch (OperationCanceledException)
            {
            }
        }
        Assert.True(deliveredAtKill < acceptedAtKill, $"The kill came after every delivery ({deliveredAtKill} of {acceptedAtKill}): nothing was tested.");

        await using var second = await PortalProcess.StartAsync("crash-2", Port, content.Path, Settings(), TimeSpan.FromSeconds(120));
        var rows = await WaitUntilOutboxIsEmptyAsync(TimeSpan.FromMinutes(4), second);

        var letters = rows.Select(r => r.LetterId).Distinct().ToList();
        Assert.Superset(accepted.ToHashSet(), letters.ToHashSet());
        Assert.All(letters, id => Assert.Equal([Destinations.DigitalPost, Destinations.Journal], rows.Where(r => r.LetterId == id).Select(r => r.Destination).Order().ToArray()));
        Assert.All(rows, r => Assert.Null(r.Payload));

        // Digital Post: the receiver accepted each letter's key once; a call repeated after the crash carried the same key and transaction id.
        var postKeys = rows.Where(r => r.Destination == Destinations.DigitalPost).Select(r => r.IdempotencyKey).Order().ToList();
        Assert.Equal(postKeys, _receiver.Delivered.Keys.Order().ToList());
        var transactions = _receiver.Requests.Where(r => r.Mode == "slow").GroupBy(r => r.Key).ToList();
        Assert.All(transactions, g => Assert.Single(g.Select(r => r.TransactionId).Distinct()));
        Assert.All(_receiver.Requests.Where(r => r.Mode == "slow"), r => Assert.Contains(r.Key.Split(':')[0], r.TransactionId.Replace("-", "", StringComparison.Ordinal)));

        // Journal: one file per letter named by its key, no half-written temp file left.
        var files = Directory.GetFiles(JournalFolder).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(rows.Where(r => r.Destination == Destinations.Journal).Select(r => r.IdempotencyKey.Replace(':', '-') + ".pdf").Order().ToList(), files);
        Assert.All(Directory.GetFiles(JournalFolder), f => Assert.StartsWith("%PDF", File.ReadAllText(f)[..4], StringComparison.Ordinal));

        // Audit: per letter one "queued" and, per destination, exactly one "delivered"; nothing failed.
        var audit = await AuditAsync();
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.LetterDeliveryFailed);
        foreach (var id in letters)
        {
            var mine = audit.Where(a => a.Letter == id).ToList();
            Assert.Single(mine, a => a.Action == AuditActions.LetterQueued);
            Assert.Equal([Destinations.DigitalPost, Destinations.Journal], mine.Where(a => a.Action == AuditActions.LetterDelivered).Select(a => a.Destination).Order().ToArray());
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Killed with {acceptedAtKill} letters accepted and {deliveredAtKill} delivered to Digital Post; after restart {letters.Count} letters, " +
            $"{_receiver.Calls.Values.Count(n => n > 1)} Digital Post calls repeated with the same key (de-duplicated by the receiver).");
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["DataPath"] = Path.Combine(_work, "data"),
        ["ConnectionStrings__Portal"] = $"Data Source={DbPath}",
        ["Auth__Mode"] = "Demo",
        ["Auth__DemoUsers__0__Phone"] = "72 11 22 33",
        ["Delivery__DigitalPost__Adapter"] = "sf1601",
        ["Delivery__DigitalPost__Url"] = _receiver.Url("slow"),
        ["Delivery__Journal__Adapter"] = "fil",
        ["Delivery__Journal__Folder"] = JournalFolder,
        ["Delivery__Outbox__PollSeconds"] = "0.2",
        ["Delivery__Outbox__FirstRetrySeconds"] = "0.2",
        ["Delivery__Outbox__MaxRetrySeconds"] = "1",
    };

    private async Task<List<OutboxMessage>> WaitUntilOutboxIsEmptyAsync(TimeSpan within, PortalProcess portal)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var db = Open();
            var rows = await db.Outbox.AsNoTracking().ToListAsync(Ct);
            if (rows.All(r => r.Status != OutboxStatus.Pending))
            {
                Assert.All(rows, r => Assert.True(r.Status == OutboxStatus.Delivered, $"{r.IdempotencyKey}: {r.Status} {r.LastError}"));
                return rows;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{rows.Count(r => r.Status == OutboxStatus.Pending)} forsendelser venter stadig.\n{portal.Log}");
            await Task.Delay(250, Ct);
        }
    }

    private async Task<List<(string Action, Guid Letter, string? Destination)>> AuditAsync()
    {
        await using var db = Open();
        string[] actions = [AuditActions.LetterQueued, AuditActions.LetterDelivered, AuditActions.LetterDeliveryFailed];
        var entries = await db.AuditLog.AsNoTracking().Where(a => actions.Contains(a.Action)).ToListAsync(Ct);
        return entries.Select(a =>
        {
            using var details = JsonDocument.Parse(a.Details!);
            var destination = details.RootElement.GetProperty("destination");
            return (a.Action, details.RootElement.GetProperty("brev").GetGuid(), destination.ValueKind == JsonValueKind.String ? destination.GetString() : null);
        }).ToList();
    }

    private PortalDbContext Open() => new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={DbPath}").Options);

    private static async Task<HttpClient> SignInAsync(Uri site)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(100) };
        var html = await client.GetStringAsync("/konto/log-ind", Ct);
        var response = await client.PostAsync("/konto/demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value,
            ["bruger"] = "sagsbehandler",
            ["returnUrl"] = "/",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // The temp cleaner takes it.
        }
    }
}
