using Microsoft.Extensions.Options;

namespace Portal.Content;

/// <summary>Resolves the content folder: absolute, or relative to the app's content root or one of its parents.</summary>
public sealed class ContentRoot
{
    public ContentRoot(IOptions<ContentOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.RootPath;
        if (System.IO.Path.IsPathRooted(configured))
        {
            Path = configured;
            return;
        }
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate))
            {
                Path = candidate;
                return;
            }
        }
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, configured));
    }

    public string Path { get; }
}
