using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Auth;
using Portal.Checklists;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using Portal.Privacy;
using Portal.Tests.Editing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Privacy;

/// <summary>Issue 14 §9: the detector guards every way free text enters: editor text, checklist notes, search (and its logs).</summary>
public class CprUsageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void ShippedContent_HasNoCprLikeText_SoTheCheckRaisesNoFalseAlarm()
    {
        var hits = Directory.EnumerateFiles(RepositoryPaths.Content, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => CprDetector.Contains(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Content, x.f)}:{x.i + 1}")
            .ToList();

        Assert.Empty(hits);
    }

    [Theory]
    [InlineData("Eksempel: borgeren 01.01.01-1234 fik afslag.")]
    [InlineData("Eksempel: borgeren 0l0l0l\u20111234 fik afslag.")]
    public async Task Editor_RefusesAProcedureWithACpr_AndSavesNothing(string line)
    {
        await using var h = await EditingHarness.CreateAsync(configure: s => s.AddSingleton<IDocumentCheck, CprDocumentCheck>());
        var doc = await h.LoadAsync(EditingHarness.Procedure);

        var result = await h.SaveAsync(EditingHarness.Procedure, doc.Latest.Content + "\n" + line + "\n", doc.Stamp, publish: true);

        Assert.Equal(EditStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("tekst", error.Field);
        Assert.Contains("CPR-nummer", error.Message);
        Assert.DoesNotContain("1234", error.Message);
        Assert.Equal(doc.Stamp, (await h.LoadAsync(EditingHarness.Procedure)).Stamp);
    }

    [Fact]
    public void ImportedFileWithACpr_IsAnErrorNamingTheLine()
    {
        var check = new CprDocumentCheck();
        var parser = new DocumentParser(new MarkdownRenderer(new HtmlSafety()), [check]);
        using var content = TestContentDirectory.FromFixture();
        var context = new ParseContext(Roster.Load(content.Path, []), LawCatalog.Load(content.Path, "https://lov.example", []), new ContentOptions { RootPath = content.Path });
        var text = "---\ntitel: Test\ntovholder: koordinator-boern\nrevideres: 2027-06-30\n---\n\nLinje et\n\nCPR 010101 1234\n";

        var result = parser.Parse("arbejdsgange/test", "arbejdsgange/test.md", text, context);

        Assert.Null(result.Document);
        var issue = Assert.Single(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(9, issue.Line);
        Assert.Contains("Linje 9", issue.Message);
    }

    [Theory]
    // 64 hex digits as the portal writes them, with ten that read as 01.01.90-1234: a hash, not a CPR number.
    [InlineData("  godkendt_hash: ab0101901234cdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("  godkendt_hash: 0101901234abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    // The same run in anything else is still an alarm: a shorter hex word, or a CPR number beside a hash.
    [InlineData("  note: ab0101901234cdef", true)]
    [InlineData("  godkendt_af: 010190-1234 0101901234abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    public void FrontMatterLine_AHashIsNotACpr_ButARealOneStillIs(string line, bool refused)
    {
        var check = new CprDocumentCheck();
        var parser = new DocumentParser(new MarkdownRenderer(new HtmlSafety()), [check]);
        using var content = TestContentDirectory.FromFixture();
        var context = new ParseContext(Roster.Load(content.Path, []), LawCatalog.Load(content.Path, "https://lov.example", []), new ContentOptions { RootPath = content.Path });
        var text = $"---\ntitel: Test\ntovholder: koordinator-boern\nrevideres: 2027-06-30\nekstra:\n{line}\n---\n\nLinje et\n";

        var result = parser.Parse("arbejdsgange/test", "arbejdsgange/test.md", text, context);

        Assert.Equal(refused, result.Issues.Any(i => i.Message.Contains("CPR-nummer", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Mor ringer, cpr 010101-1234", null)]
    [InlineData("", "Møde med 01 01 01 1234")]
    public async Task Checklist_WithACprInANoteOrTheLabel_IsNotSaved(string note, string? label)
    {
        var session = new ChecklistSession(ChecklistParser.Parse("arbejdsgange/07/tjek", "Tjek", 1, "## A\n- [ ] Et\n", new MarkdownRenderer(new HtmlSafety()).Pipeline));
        session.SetNote(session.Definition.Items.First().Key, note);
        await using var db = await Checklists.ChecklistTestDb.CreateAsync(new Checklists.ManualTimeProvider(DateTimeOffset.UtcNow));

        Assert.Contains("CPR-nummer", session.PersonalDataProblem(label));
        await Assert.ThrowsAsync<ArgumentException>(() => db.Store.SaveAsync("sara", session, label, cancellationToken: Token));
        Assert.Empty(await db.Store.ListAsync("sara", cancellationToken: Token));
    }

    [Fact]
    public async Task SearchWithACpr_Gets400_AndTheNumberIsInNoLogLine()
    {
        await using var factory = new LogCapturingFactory();
        var client = factory.CreateClientAs(Roles.Caseworker);

        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("afslag 01.01.01\u20111234"), Token);
        var ok = await client.GetAsync("/api/search?q=afslag", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("CPR-nummer", body);
        Assert.DoesNotContain("1234", body);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEmpty(factory.Lines);
        Assert.DoesNotContain(factory.Lines, l => l.Contains("1234", StringComparison.Ordinal) || l.Contains("%E2%80%911234", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A portal logging everything (also request URLs) into memory.</summary>
    private sealed class LogCapturingFactory : PortalFactory, ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.ConfigureLogging(l => l.AddProvider(this));
        }

        public ILogger CreateLogger(string categoryName) => new Capture(Lines);

        void IDisposable.Dispose()
        {
        }

        private sealed class Capture(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
