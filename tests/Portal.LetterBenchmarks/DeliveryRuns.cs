using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;
using Portal.Delivery;
using Portal.Letters;
using Portal.Tests.Delivery;

namespace Portal.LetterBenchmarks;

/// <summary>
/// The two delivery measurements that are runs, not micro-benchmarks: the warm converter on DocxWriter's own output
/// (`-- --pdf N`), and the outbox emptying N queued letters into fake SF1601 and journal servers (`-- --outbox N`).
/// </summary>
public static class DeliveryRuns
{
    private static readonly Caseworker s_caseworker = new("Sara Sørensen", "Rådgiver", "12 34 56 78", "sara@kommune.example", "mandag-torsdag kl. 9-12");

    /// <summary>One-page letters through the warm LibreOffice: median, p95 and sustained letters/s (back to back).</summary>
    public static async Task PdfAsync(int count, string template)
    {
        var root = BenchmarkContent.RepositoryRoot();
        // "fixture:<name>" takes a test fixture template (the shipped letters all run to two pages with the signature).
        var fixture = template.StartsWith("fixture:", StringComparison.Ordinal);
        var content = new BenchmarkContent(fixture ? LetterBenchmarks.FixtureCopy(root) : Path.Combine(root, "content"), BenchmarkContent.ConfiguredOptions(root));
        var name = fixture ? template["fixture:".Length..] : template;
        var definition = content.Set.Templates.First(t => t.PartialName == name);
        var request = new LetterRequest(definition.Example, new DateOnly(2026, 11, 24), [new Recipient("Anna Andersen", RecipientRole.CustodyHolder, "Vejen 1\n7100 Vejle")]);
        var docx = content.Docx.Write(content.Service.Generate(content.Set, definition, request, s_caseworker));
        await using var converter = new PdfConverter(Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { Pdf = { StartAtLaunch = false } }), NullLogger<PdfConverter>.Instance);
        converter.Start();
        var cold = Stopwatch.StartNew();
        await converter.WarmAsync();
        Console.WriteLine($"// LibreOffice warm after {cold.ElapsedMilliseconds} ms ({converter.OfficeVersion}); DOCX from DocxWriter: {definition.Slug}, {docx.Length} bytes");
        var first = await converter.ConvertAsync(docx, "handicapportal-manifest/1; benchmark", definition.Title);
        var pages = Pages(first);
        var sample = Path.Combine(Path.GetTempPath(), "handicap-bench-letter.pdf");
        await File.WriteAllBytesAsync(sample, first);
        Console.WriteLine($"// PDF: {first.Length} bytes, {pages} page(s), sample in {sample}");

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var one = Stopwatch.StartNew();
            await converter.ConvertAsync(docx, "handicapportal-manifest/1; benchmark", definition.Title);
            times.Add(one.Elapsed.TotalMilliseconds);
        }
        total.Stop();
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PDF ({pages} side(r)): n={count} median={Percentile(times, 0.5):F0} ms p95={Percentile(times, 0.95):F0} ms max={times[^1]:F0} ms sustained={count / total.Elapsed.TotalSeconds:F2} letters/s (targets: median <= 300 ms, >= 5 letters/s)"));
    }

    /// <summary>Queues N letters (2 deliveries each), then lets the real OutboxWorker deliver them to the fake servers.</summary>
    public static async Task OutboxAsync(int letters)
    {
        var work = Directory.CreateTempSubdirectory("handicap-outbox-bench-").FullName;
        await using var receiver = new FakeReceiver();
        var services = Services(work, receiver);
        await using var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        var store = provider.GetRequiredService<OutboxStore>();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 40_000));
        var manifest = new RenderManifest("skabeloner/afgoerelser/benchmark", 1, "hash", "hash", new Dictionary<string, string>(), "LibreOffice", "da-DK", "rates", DateTimeOffset.UtcNow);
        var user = new UserProfile("demo:sagsbehandler", "Sara Sørensen", "sara@kommune.example");
        var queue = Stopwatch.StartNew();
        for (var i = 0; i < letters; i++)
        {
            await store.QueueAsync(new QueuedLetter(Guid.NewGuid(), new FinalDocument(pdf, [], manifest, $"brev-{i}.pdf"), Encoding.UTF8.GetBytes($"<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\">{i}</memo:Message>"), "Afgørelse", "27.24.00-G01-1-26", user));
        }
        queue.Stop();

        var worker = provider.GetRequiredService<OutboxWorker>();
        var deliver = Stopwatch.StartNew();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
        deliver.Stop();

        await using var check = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var rows = await check.Outbox.AsNoTracking().ToListAsync();
        var keys = rows.Select(r => r.IdempotencyKey).ToHashSet();
        var lost = keys.Count(k => !receiver.Delivered.ContainsKey(k));
        var unknown = receiver.Delivered.Keys.Count(k => !keys.Contains(k));
        var repeated = receiver.Calls.Values.Count(n => n > 1);
        var delivered = await check.AuditLog.CountAsync(a => a.Action == AuditActions.LetterDelivered);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Outbox: {letters} letters = {rows.Count} deliveries queued in {queue.Elapsed.TotalSeconds:F1} s, delivered in {deliver.Elapsed.TotalSeconds:F1} s " +
            $"({rows.Count / deliver.Elapsed.TotalSeconds:F0} deliveries/s); not delivered: {rows.Count(r => r.Status != OutboxStatus.Delivered)}, " +
            $"lost: {lost}, unknown keys: {unknown}, repeated calls: {repeated}, HTTP requests: {receiver.Requests.Count}, audit 'delivered': {delivered}"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    private static ServiceCollection Services(string work, FakeReceiver receiver)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SqlitePragmas>();
        services.AddDbContextFactory<PortalDbContext>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(work, "portal.db")}").AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStore>();
        services.AddOptions<DeliveryOptions>().Configure(o =>
        {
            o.DigitalPost = new DestinationOptions { Adapter = "sf1601", Url = receiver.Url("ok") };
            o.Journal = new DestinationOptions { Adapter = "rest", Url = receiver.Url("ok") };
        });
        services.AddHttpClient(DeliveryExtensions.Sf1601Client);
        services.AddHttpClient(DeliveryExtensions.JournalClient);
        services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = work });
        services.AddSingleton<DeliveryAdapters>();
        services.AddSingleton<OutboxWorker>();
        return services;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    // poppler's pdfinfo (Debian poppler-utils) reads the page tree, also from compressed object streams.
    private static string Pages(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"handicap-bench-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var info = Process.Start(new ProcessStartInfo("pdfinfo", [file]) { RedirectStandardOutput = true })!;
            var text = info.StandardOutput.ReadToEnd();
            info.WaitForExit();
            return text.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal))?[6..].Trim() ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "? (pdfinfo mangler)";
        }
        finally
        {
            File.Delete(file);
        }
    }
}
