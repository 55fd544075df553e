namespace Portal.Tests.Infrastructure;

/// <summary>A throw-away copy of a content folder that a test may change freely.</summary>
public sealed class TestContentDirectory : IDisposable
{
    private TestContentDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>A copy of the small fixture library in TestContent/.</summary>
    public static TestContentDirectory FromFixture() => CopyOf(System.IO.Path.Combine(AppContext.BaseDirectory, "TestContent"));

    /// <summary>A copy of the repository's shipped content/ folder.</summary>
    public static TestContentDirectory FromRepository() => CopyOf(RepositoryPaths.Content);

    /// <summary>An existing folder (e.g. one a script restored into), removed like a copy when disposed.</summary>
    public static TestContentDirectory Existing(string path) => new(path);

    public static TestContentDirectory CopyOf(string source)
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "handicap-test-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(source, target));
        }
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target));
        }
        return new TestContentDirectory(target);
    }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the OS temp cleaner takes it.
        }
    }
}

public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Handicap.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Fandt ikke repositoriets rod (Handicap.sln).");
        }
    }

    public static string Content => System.IO.Path.Combine(Root, "content");
}
