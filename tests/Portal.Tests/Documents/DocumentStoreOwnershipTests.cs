using System.Text.RegularExpressions;

namespace Portal.Tests.Documents;

/// <summary>Only the Documents feature writes documents, versions, pending file writes and conflicts; Reviews does not depend on Editing.</summary>
public sealed partial class DocumentStoreOwnershipTests
{
    // Creating or changing the store's rows: new entities, adds/removes on their sets, the version counters and the stamp.
    [GeneratedRegex(@"new\s+(StoredDocument|DocumentVersion|PendingFileWrite|ContentConflict|DocumentRedirect)\b\s*[{(]"
        + @"|\b(Documents|DocumentVersions|PendingFileWrites|ContentConflicts|DocumentRedirects)\s*\.\s*(Add|AddRange|Remove|RemoveRange|Update|Attach)\s*\("
        + @"|\.(LatestVersionNumber|PublishedVersionNumber|ConcurrencyStamp|DiskHash|RemovedFromDisk|ResolvedAt)\s*=[^=>]"
        + @"|\b(ExecuteUpdate|ExecuteDelete)(Async)?\b")]
    private static partial Regex StoreWrite();

    // A bulk update or delete counts only in a file that touches one of the store's sets (sessions, outbox etc. are other features' rows).
    [GeneratedRegex(@"\b(Documents|DocumentVersions|PendingFileWrites|ContentConflicts|DocumentRedirects)\b")]
    private static partial Regex StoreSet();

    private static readonly string s_source = Path.Combine(RepositoryRoot(), "src", "Portal");

    [Fact]
    public void StoreRows_AreWrittenOnlyInDocuments()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Relative.StartsWith("Documents/", StringComparison.Ordinal) && !f.Relative.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => Writes(f.Text).Select(w => $"{f.Relative}: {w}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Skrivninger uden for Documents/:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void StoreWritePattern_FindsTheStoresOwnWrites()
    {
        // The check above can fail: the same pattern finds the writes the store itself makes.
        var store = SourceFiles().Where(f => f.Relative.StartsWith("Documents/", StringComparison.Ordinal)).SelectMany(f => Writes(f.Text)).ToList();
        Assert.Contains(store, w => w.StartsWith("new DocumentVersion", StringComparison.Ordinal));
        Assert.Contains(store, w => w.StartsWith("new ContentConflict", StringComparison.Ordinal));
        Assert.Contains(store, w => w.Contains("PendingFileWrites.Add", StringComparison.Ordinal));
        Assert.Contains(store, w => w.StartsWith(".ConcurrencyStamp", StringComparison.Ordinal));
    }

    [Fact]
    public void Conflicts_AreCreatedInOnePlace()
    {
        var creators = SourceFiles().Where(f => Regex.IsMatch(f.Text, @"new\s+ContentConflict\b")).Select(f => f.Relative).ToList();
        Assert.Equal(["Documents/ConflictRecorder.cs"], creators);
    }

    [Fact]
    public void Reviews_DoesNotDependOnEditing()
    {
        var uses = SourceFiles().Where(f => f.Relative.StartsWith("Reviews/", StringComparison.Ordinal)
            && Regex.IsMatch(f.Text, @"\bPortal\.Editing\b|\bEditing\.[A-Z]|\bDocumentEditor\b|\bEditingApi\b")).Select(f => f.Relative).ToList();
        Assert.Empty(uses);
    }

    private static IEnumerable<string> Writes(string text)
    {
        var code = StripComments(text);
        var touchesStore = StoreSet().IsMatch(code);
        return StoreWrite().Matches(code).Select(m => m.Value.Trim())
            .Where(w => touchesStore || !w.StartsWith("Execute", StringComparison.Ordinal));
    }

    private static string StripComments(string text) => Regex.Replace(text, @"//[^\n]*", "");

    private static IEnumerable<(string Relative, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(s_source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => (Relative: Path.GetRelativePath(s_source, f).Replace('\\', '/'), Path: f))
            .Where(f => !f.Relative.StartsWith("bin/", StringComparison.Ordinal) && !f.Relative.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (f.Relative, File.ReadAllText(f.Path)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Handicap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Handicap.sln blev ikke fundet over " + AppContext.BaseDirectory);
    }
}
