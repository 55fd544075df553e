using System.Text;

namespace Portal.Content;

/// <summary>A content file read from disk: its normalised text, or a Danish reason why it cannot be used.</summary>
public sealed record ContentFile(string Slug, string FilePath, string? Text, string DiskHash, ContentIssue? Problem);

/// <summary>Finds and reads the Markdown files under the content root, refusing binary, oversize and non-UTF-8 files.</summary>
public sealed class ContentFileReader(ContentOptions options)
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> s_attachmentExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".svg", ".gif", ".pdf", ".docx", ".yml", ".yaml" };

    public IEnumerable<(string FullPath, string RelativePath)> Enumerate(string root)
    {
        foreach (var top in options.DocumentFolders)
        {
            var dir = Path.Combine(root, top);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var name = Path.GetFileName(file);
                if (name.StartsWith('.') || name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                yield return (file, relative);
            }
        }
    }

    public static string SlugOf(string relativePath) =>
        (relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativePath[..^3] : relativePath).Replace('\\', '/').ToLowerInvariant();

    public static bool IsDocument(string relativePath) => relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    public static bool IsIgnoredAttachment(string relativePath) => s_attachmentExtensions.Contains(Path.GetExtension(relativePath));

    public ContentFile Read(string fullPath, string relativePath)
    {
        var slug = SlugOf(relativePath);
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > options.MaxFileBytes)
            {
                return Problem(slug, relativePath, "", 0, string.Create(DanishFormat.Culture, $"Filen er for stor ({info.Length / 1024:N0} KB). Den største tilladte størrelse er {options.MaxFileBytes / 1024:N0} KB. Del dokumentet op i flere."));
            }
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Problem(slug, relativePath, "", 0, FileProblem.Describe(ex, FileProblem.Operation.Read));
        }
        var hash = ContentHash.Of(bytes);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return Problem(slug, relativePath, hash, 0, "Filen er ikke en tekstfil (den indeholder binære data). Kun Markdown-tekst kan importeres.");
        }
        try
        {
            var text = s_strictUtf8.GetString(bytes);
            return new ContentFile(slug, relativePath, TextNormalizer.NormalizeNewlines(text), hash, null);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes.Take(Math.Max(0, ex.Index)).Count(b => b == (byte)'\n');
            return Problem(slug, relativePath, hash, line, "Filen er ikke gemt som UTF-8 (der er tegn, der ikke kan læses, fx æ, ø eller å fra et ældre tegnsæt). Gem filen igen som UTF-8.");
        }
    }

    private static ContentFile Problem(string slug, string path, string hash, int line, string message) =>
        new(slug, path, null, hash, new ContentIssue(path, line, IssueSeverity.Error, message));
}
