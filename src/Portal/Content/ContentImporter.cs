using Portal.Documents;

namespace Portal.Content;

public sealed record ImportResult(int Created, int Updated, int Removed, IReadOnlyList<ContentIssue> Issues, int Conflicts = 0);

/// <summary>Reads content/ and hands the documents to the store (<see cref="DocumentImport"/>); unreadable or duplicate files become issues.</summary>
public sealed class ContentImporter(ContentFileReader reader, DocumentImport store)
{
    public async Task<ImportResult> ImportAsync(string root, CancellationToken cancellationToken = default)
    {
        var issues = new List<ContentIssue>();
        var files = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        foreach (var (full, relative) in reader.Enumerate(root))
        {
            if (!ContentFileReader.IsDocument(relative))
            {
                if (!ContentFileReader.IsIgnoredAttachment(relative))
                {
                    issues.Add(new ContentIssue(relative, 0, IssueSeverity.Warning, "Filen ignoreres: kun Markdown-filer (.md) importeres som dokumenter."));
                }
                continue;
            }
            var file = reader.Read(full, relative);
            if (files.TryGetValue(file.Slug, out var first))
            {
                issues.Add(new ContentIssue(relative, 0, IssueSeverity.Error,
                    $"Filen har samme identitet ('{file.Slug}') som '{first.FilePath}'. Identiteten er stien uden store/små bogstaver; omdøb en af filerne."));
                continue;
            }
            files[file.Slug] = file;
            if (file.Problem is not null)
            {
                issues.Add(file.Problem);
            }
        }

        var counts = await store.ImportAsync(files, cancellationToken);
        return new ImportResult(counts.Created, counts.Updated, counts.Removed, issues, counts.Conflicts);
    }
}
