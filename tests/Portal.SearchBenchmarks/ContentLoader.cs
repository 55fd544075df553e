using Portal.Content;

namespace Portal.SearchBenchmarks;

/// <summary>Reads a content folder through the portal's own parser, without a database.</summary>
public static class ContentLoader
{
    public static LibrarySnapshot Load(string root)
    {
        var options = new ContentOptions();
        var issues = new List<ContentIssue>();
        var context = new ParseContext(Roster.Load(root, issues), LawCatalog.Load(root, "https://lov.example", issues), options);
        var parser = new DocumentParser(new MarkdownRenderer(new HtmlSafety()), []);
        var documents = new List<LibraryDocument>();
        foreach (var top in options.DocumentFolders)
        {
            var dir = Path.Combine(root, top);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var slug = relative[..^3].ToLowerInvariant();
                if (parser.Parse(slug, relative, File.ReadAllText(file), context).Document is { } doc)
                {
                    documents.Add(doc);
                }
            }
        }
        documents.Sort((a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return new LibrarySnapshot(documents, issues, FolderCatalog.Load(root, options.DocumentFolders, issues), context.Roster, context.Laws, DateTimeOffset.UtcNow);
    }
}
