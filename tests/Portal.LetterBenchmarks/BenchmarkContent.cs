using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Letters;

namespace Portal.LetterBenchmarks;

/// <summary>The letter services over the repository's content/ (shipped templates), parsed as the import does.</summary>
public sealed class BenchmarkContent
{
    public BenchmarkContent(string contentRoot, LettersOptions options)
    {
        var wrapped = Options.Create(options);
        Markdown = new MarkdownRenderer(new HtmlSafety());
        Renderer = new LetterRenderer(Markdown, wrapped);
        Service = new LetterService(Renderer, new LetterRules(wrapped), wrapped);
        Docx = new DocxWriter(Markdown);
        var validator = new TemplateValidator(Service, TimeProvider.System);

        var issues = new List<ContentIssue>();
        var files = Directory.EnumerateFiles(Path.Combine(contentRoot, "skabeloner"), "*.md", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(contentRoot, file).Replace('\\', '/'))
            .Where(relative => !relative.EndsWith("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(relative => (Relative: relative, Text: File.ReadAllText(Path.Combine(contentRoot, relative))))
            .ToList();
        var context = new ParseContext(Roster.Load(contentRoot, issues), LawCatalog.Load(contentRoot, "https://www.retsinformation.dk", issues), new ContentOptions { RootPath = contentRoot })
        {
            Sources = files.Select(f => new SourceDocument(f.Relative[..^3], f.Text)).ToList(),
        };
        var parser = new DocumentParser(Markdown, [new TemplateDocumentCheck(validator, new RateFiles(new ContentRoot(Microsoft.Extensions.Options.Options.Create(new ContentOptions { RootPath = contentRoot }), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = contentRoot }), TimeProvider.System))]);
        var documents = new List<LibraryDocument>();
        foreach (var (relative, text) in files)
        {
            if (parser.Parse(relative[..^3], relative, text, context).Document is { } doc)
            {
                documents.Add(doc);
            }
        }
        var snapshot = new LibrarySnapshot(documents, issues, new Dictionary<string, FolderInfo>(), context.Roster, context.Laws, DateTimeOffset.UtcNow);
        var templates = documents.Select(d => TemplateReader.Read(d).Template).OfType<TemplateDefinition>().Where(t => t.Kind != TemplateKind.Phrase).ToList();
        Set = new TemplateSet(snapshot, PartialSet.FromDocuments(documents), templates, []);
    }

    public MarkdownRenderer Markdown { get; }
    public LetterService Service { get; }
    public LetterRenderer Renderer { get; }
    public DocxWriter Docx { get; }
    public TemplateSet Set { get; }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Handicap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Fandt ikke repositoriets rod (Handicap.sln).");
    }

    public static LettersOptions ConfiguredOptions(string repositoryRoot)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(repositoryRoot, "src", "Portal", "appsettings.json")).Build();
        var options = new LettersOptions();
        configuration.GetSection(LettersOptions.Section).Bind(options);
        return options;
    }
}
