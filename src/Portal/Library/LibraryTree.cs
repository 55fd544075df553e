using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Portal.Content;

namespace Portal.Library;

/// <summary>A folder in the library tree with its documents and sub-folders, after filtering.</summary>
public sealed record TreeNode(string Path, string Title, string? Description, int Order, IReadOnlyList<TreeNode> Children, IReadOnlyList<LibraryDocument> Documents)
{
    /// <summary>Documents in this folder and all sub-folders.</summary>
    public int Count => Documents.Count + Children.Sum(c => c.Count);
}

/// <summary>Builds the guiding folder structure of the library from a snapshot, filtered by område and type.</summary>
public static class LibraryTree
{
    public const string Root = "arbejdsgange";

    private static readonly StringComparer s_danish = StringComparer.Create(new CultureInfo("da-DK"), ignoreCase: true);

    // Trees per snapshot (weakly held: a replaced snapshot takes its trees with it). The keys are bounded: areas, the
    // library's types and its folders.
    private static readonly ConditionalWeakTable<LibrarySnapshot, ConcurrentDictionary<(Area?, string?, string), TreeNode>> s_trees = new();

    /// <summary>As <see cref="Build"/>, built once per snapshot and filter: the Danish sort of thousands of titles is not per request.</summary>
    public static TreeNode Cached(LibrarySnapshot snapshot, Area? area, string? type, string root = Root) =>
        Keeps(snapshot, type, root)
            ? s_trees.GetOrCreateValue(snapshot).GetOrAdd((area, type, root), key => Build(snapshot, key.Item1, key.Item2, key.Item3))
            : Build(snapshot, area, type, root);

    /// <summary>Whether a tree for this filter may be kept: an unknown type or folder from the address is not.</summary>
    public static bool Keeps(LibrarySnapshot snapshot, string? type, string root) =>
        (type is null || snapshot.Documents.Any(d => d.Type == type)) && (root == Root || IsFolder(snapshot, root));

    /// <summary>A folder of the library (described in content, or holding documents), below <see cref="Root"/>.</summary>
    public static bool IsFolder(LibrarySnapshot snapshot, string path) =>
        path.StartsWith(Root + "/", StringComparison.Ordinal)
        && (snapshot.Folders.ContainsKey(path) || snapshot.Documents.Any(d => d.Folder == path || d.Folder.StartsWith(path + "/", StringComparison.Ordinal)));

    public static TreeNode Build(LibrarySnapshot snapshot, Area? area = null, string? type = null, string root = Root)
    {
        var documents = snapshot.Documents
            .Where(d => d.Folder == root || d.Folder.StartsWith(root + "/", StringComparison.Ordinal))
            .Where(d => area is null || d.Area == area || d.Area == Area.Shared)
            .Where(d => string.IsNullOrEmpty(type) || d.Type == type)
            .ToLookup(d => d.Folder);
        return BuildNode(root, snapshot, documents);
    }

    private static TreeNode BuildNode(string path, LibrarySnapshot snapshot, ILookup<string, LibraryDocument> documents)
    {
        var folderPaths = snapshot.Folders.Keys
            .Concat(documents.Select(g => g.Key))
            .Where(p => p.StartsWith(path + "/", StringComparison.Ordinal) && !p[(path.Length + 1)..].Contains('/'))
            .Distinct(StringComparer.Ordinal);
        var children = folderPaths.Select(p => BuildNode(p, snapshot, documents))
            .OrderBy(c => c.Order).ThenBy(c => c.Title, s_danish).ToList();
        var info = snapshot.Folders.GetValueOrDefault(path);
        var docs = documents[path].OrderBy(d => d.Title, s_danish).ToList();
        return new TreeNode(path, info?.Title ?? path.Split('/')[^1], info?.Description, info?.Order ?? 1000, children, docs);
    }

    /// <summary>Counts per type across the unfiltered library, for the type filter.</summary>
    public static IReadOnlyList<(string Type, string Label, int Count)> TypeCounts(LibrarySnapshot snapshot, ContentOptions options, string root = Root) =>
        snapshot.Documents.Where(d => d.Folder.StartsWith(root, StringComparison.Ordinal))
            .GroupBy(d => d.Type)
            .Select(g => (g.Key, options.DocumentTypes.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(t => t.Item3).ToList();
}
