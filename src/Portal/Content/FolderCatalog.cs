namespace Portal.Content;

/// <summary>Reads _mappe.yml files that give folders their Danish titles and order.</summary>
public static class FolderCatalog
{
    public const string FileName = "_mappe.yml";

    public static IReadOnlyDictionary<string, FolderInfo> Load(string contentRoot, IEnumerable<string> topFolders, List<ContentIssue> issues)
    {
        var result = new Dictionary<string, FolderInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var top in topFolders)
        {
            var dir = Path.Combine(contentRoot, top);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var folder in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Prepend(dir))
            {
                var relative = Path.GetRelativePath(contentRoot, folder).Replace('\\', '/').ToLowerInvariant();
                var metaPath = Path.Combine(folder, FileName);
                var map = YamlFile.LoadMapping(metaPath, $"{relative}/{FileName}", issues);
                var fallback = FallbackTitle(Path.GetFileName(folder));
                var order = int.TryParse(map is null ? null : YamlFile.Scalar(map, "raekkefoelge") ?? YamlFile.Scalar(map, "rækkefølge"), out var o)
                    ? o
                    : LeadingNumber(Path.GetFileName(folder));
                result[relative] = new FolderInfo(relative, map is null ? fallback : YamlFile.Scalar(map, "titel") ?? fallback,
                    map is null ? null : YamlFile.Scalar(map, "beskrivelse"), order);
            }
        }
        return result;
    }

    // "03-afgoerelse" → "Afgoerelse" when no _mappe.yml gives the Danish title.
    private static string FallbackTitle(string name)
    {
        var trimmed = name.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').TrimStart('-', '_').Replace('-', ' ');
        return trimmed.Length == 0 ? name : char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }

    private static int LeadingNumber(string name) =>
        int.TryParse(new string(name.TakeWhile(char.IsDigit).ToArray()), out var n) ? n : 1000;
}
