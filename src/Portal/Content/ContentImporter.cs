using Portal.Documents;

namespace Portal.Content;

public sealed record ImportResult(int Created, int Updated, int Removed, IReadOnlyList<ContentIssue> Issues, int Conflicts = 0);

/// <summary>Reads content/ and hands the documents to the store (<see cref="DocumentImport"/>); unreadable or duplicate files become issues.</summary>
public sealed class ContentImporter(ContentFileReader reader, DocumentImport store)
{
    public async Task<ImportResult> ImportAsync(string root, CancellationToken cancellationToken = default)
    {
        var issues = new List<ContentIssue>();
        var found = new Dictionary<string, List<ContentFile>>(StringComparer.Ordinal);
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
            (found.TryGetValue(file.Slug, out var group) ? group : found[file.Slug] = []).Add(file);
        }

        var known = await store.DiskHashesAsync(cancellationToken);
        var files = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        foreach (var (slug, group) in found)
        {
            var (file, rejections) = DocumentIdentity.Choose(group, known.GetValueOrDefault(slug));
            issues.AddRange(rejections);
            files[slug] = file;
            if (file.Problem is not null)
            {
                issues.Add(file.Problem);
            }
        }

        var counts = await store.ImportAsync(files, cancellationToken);
        return new ImportResult(counts.Created, counts.Updated, counts.Removed, issues, counts.Conflicts);
    }
}
