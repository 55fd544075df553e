using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>The letter services wired as in the app, over a content folder parsed by the real parser and checks.</summary>
public sealed class LetterKit
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public LetterKit(LettersOptions? options = null)
    {
        Options = options ?? ConfiguredOptions();
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Clock = new FixedTimeProvider(Today);
        Markdown = new MarkdownRenderer(new HtmlSafety());
        Renderer = new LetterRenderer(Markdown, wrapped);
        Rules = new LetterRules(wrapped);
        Service = new LetterService(Renderer, Rules, wrapped);
        Validator = new TemplateValidator(Service, Clock);
        Docx = new DocxWriter(Markdown);
    }

    public LettersOptions Options { get; }
    public FixedTimeProvider Clock { get; }
    public MarkdownRenderer Markdown { get; }
    public LetterRenderer Renderer { get; }
    public LetterRules Rules { get; }
    public LetterService Service { get; }
    public TemplateValidator Validator { get; }
    public DocxWriter Docx { get; }

    /// <summary>The options in src/Portal/appsettings.json: the closing days there are the ones tested.</summary>
    public static LettersOptions ConfiguredOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", "Portal", "appsettings.json"))
            .Build();
        var options = new LettersOptions();
        configuration.GetSection(LettersOptions.Section).Bind(options);
        return options;
    }

    /// <summary>A copy of the fixture library plus the fixture templates in Letters/Fixtures.</summary>
    public static TestContentDirectory FixtureContent()
    {
        var content = TestContentDirectory.FromFixture();
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Letters", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(fixtures, "*.md", SearchOption.AllDirectories))
        {
            content.Write(Path.GetRelativePath(fixtures, file), File.ReadAllText(file));
        }
        return content;
    }

    /// <summary>Parses every document under the folder with the template check, as the import does.</summary>
    public LoadedContent Load(string root)
    {
        var issues = new List<ContentIssue>();
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(relative => !Path.GetFileName(relative).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(relative => (Relative: relative, Text: File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
        var context = new ParseContext(Roster.Load(root, issues), LawCatalog.Load(root, "https://lov.example", issues), new ContentOptions { RootPath = root })
        {
            Sources = files.Select(f => new SourceDocument(f.Relative[..^3], f.Text)).ToList(),
        };
        var catalog = new ContentCatalog();
        var parser = new DocumentParser(Markdown, [new TemplateDocumentCheck(Validator)]);
        var documents = new List<LibraryDocument>();
        foreach (var (relative, text) in files)
        {
            var result = parser.Parse(relative[..^3], relative, text, context);
            issues.AddRange(result.Issues);
            if (result.Document is { } doc)
            {
                documents.Add(doc with { VersionNumber = 1, ContentHash = ContentHash.Of(text) });
            }
        }
        var snapshot = new LibrarySnapshot(documents, issues, new Dictionary<string, FolderInfo>(), context.Roster, context.Laws, DateTimeOffset.UtcNow);
        catalog.Publish(snapshot);
        var letters = new LetterCatalog(catalog, Validator, NullLogger<LetterCatalog>.Instance);
        return new LoadedContent(snapshot, letters.Current);
    }

    public LetterResult Generate(TemplateSet set, string slug, IReadOnlyDictionary<string, object?> fields, DateOnly? sendDate = null, IReadOnlyList<Recipient>? recipients = null, bool preview = false) =>
        Service.Generate(set, set.Find(slug) ?? throw new InvalidOperationException($"Skabelonen {slug} findes ikke eller har fejl."),
            new LetterRequest(fields, sendDate ?? new DateOnly(2026, 11, 24), recipients ?? [TemplateValidator.SampleRecipient]), TemplateValidator.SampleCaseworker, preview);
}

public sealed record LoadedContent(LibrarySnapshot Snapshot, TemplateSet Templates)
{
    public IEnumerable<ContentIssue> Errors => Snapshot.Issues.Where(i => i.Severity == IssueSeverity.Error);
}
