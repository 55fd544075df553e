using Portal.Content;

namespace Portal.SearchBenchmarks;

/// <summary>Reads a content folder through the portal's own parser, without a database.</summary>
public static class ContentLoader
{
    /// <summary>The folder read (<see cref="Load"/>), its documents as the index sees them, and a fresh index over them with its synonyms.</summary>
    public static (LibrarySnapshot Snapshot, List<Portal.Search.SearchDocument> Documents, Portal.Search.SearchIndex Index) LoadIndex(string root)
    {
        var snapshot = Load(root);
        var documents = snapshot.Documents.Select(d => Portal.Search.SearchDocument.From(d, snapshot)).ToList();
        var synonyms = Portal.Search.SynonymSet.Load(root, []) ?? Portal.Search.SynonymSet.Empty;
        return (snapshot, documents, Portal.Search.SearchIndexBuilder.Build(documents, snapshot.Laws, synonyms));
    }

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
