using System.Text;

namespace Portal.Documents;

/// <summary>Writes and deletes content files; an interface so tests can make the disk fail at any point.</summary>
public interface IContentFileWriter
{
    void Write(string path, string text);

    void Delete(string path);
}

/// <summary>
/// Writes a file atomically: a temp file in the same folder (same file system), flushed to disk, then
/// moved over the target, so a reader or a crash never sees half a file.
/// </summary>
public sealed class AtomicFileWriter : IContentFileWriter
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public void Write(string path, string text)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // A leading dot keeps the importer and the watcher's re-import from treating it as a document.
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8NoBom.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public void Delete(string path) => File.Delete(path);
}

/// <summary>Finds a document's file: the slug is lower case, the file on disk may not be.</summary>
public static class ContentPaths
{
    public static string Resolve(string root, string slug)
    {
        var current = root;
        var segments = (slug + ".md").Split('/');
        foreach (var segment in segments)
        {
            var exact = Path.Combine(current, segment);
            if (File.Exists(exact) || Directory.Exists(exact) || !Directory.Exists(current))
            {
                current = exact;
                continue;
            }
            var match = Directory.EnumerateFileSystemEntries(current)
                .FirstOrDefault(e => string.Equals(Path.GetFileName(e), segment, StringComparison.OrdinalIgnoreCase));
            current = match ?? exact;
        }
        return current;
    }
}
