using Portal.Content;

namespace Portal.Letters;

/// <summary>Runs the template checks at import and in the editor: a failing template is not served and shows on Indholdsfejl.</summary>
public sealed class TemplateDocumentCheck(TemplateValidator validator, PhraseFiles phrases, RateFiles rates) : IDocumentCheck
{
    public IEnumerable<ContentIssue> Check(LibraryDocument document, ParseContext context)
    {
        if (!TemplateReader.IsTemplate(document))
        {
            return [];
        }
        var read = TemplateReader.Read(document);
        if (read.Template is not { } template)
        {
            return read.Issues;
        }
        return read.Issues.Concat(validator.Validate(template, phrases.Current(), rates.Current()));
    }
}

/// <summary>
/// The phrases as they are on disk, for checking templates while a snapshot is being built (before the new
/// phrases are served); phrases only in the served snapshot (edited in the portal) fill the gaps.
/// </summary>
public sealed class PhraseFiles(ContentRoot root, ContentCatalog catalog)
{
    private readonly Lock _gate = new();
    private (string Stamp, PartialSet Set) _cached = ("", PartialSet.Empty);

    public PartialSet Current()
    {
        var folder = Path.Combine(root.Path, TemplateNames.PhraseFolder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal).ToArray() : [];
        var stamp = string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}")) + "#" + catalog.Current.BuiltAt.Ticks;
        lock (_gate)
        {
            if (_cached.Stamp == stamp)
            {
                return _cached.Set;
            }
        }
        var fromDisk = new List<Partial>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root.Path, file).Replace('\\', '/');
            var split = FrontMatterReader.Read(File.ReadAllText(file), relative);
            if (split.FrontMatter is not null && string.Equals(split.FrontMatter.GetString("type"), "frase", StringComparison.OrdinalIgnoreCase))
            {
                fromDisk.Add(PartialSet.Create(relative[..^3].ToLowerInvariant(), relative, split.Body, split.BodyStartLine));
            }
        }
        var served = PartialSet.FromDocuments(catalog.Current.Documents).All.Where(p => !fromDisk.Any(d => d.Name.Equals(p.Name, StringComparison.OrdinalIgnoreCase)));
        var set = new PartialSet(fromDisk.Concat(served));
        lock (_gate)
        {
            _cached = (stamp, set);
        }
        return set;
    }
}
