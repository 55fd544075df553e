using System.Text;
using Portal.Content;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Transition;

/// <summary>The result of reading a content YAML file: the value, or a Danish error with file and line.</summary>
public sealed record ContentYaml<T>(T? Value, string? Error) where T : class;

/// <summary>
/// A typed YAML file in content/ (sagsforloeb.yml, skift-af-sagsbehandler.yml), re-read when it changes on disk so
/// coordinators edit it like any other content. Unknown keys are errors, so a misspelt key never goes unnoticed.
/// </summary>
public class ContentYamlFile<T>(ContentRoot root, string fileName, Func<T, IEnumerable<string>> validate) where T : class
{
    private readonly Lock _gate = new();
    private (DateTime Stamp, long Length, ContentYaml<T> Result)? _cache;

    public string FileName => fileName;

    public ContentYaml<T> Load()
    {
        var path = Path.Combine(root.Path, fileName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new ContentYaml<T>(null, $"Filen {fileName} findes ikke i indholdsmappen.");
        }
        lock (_gate)
        {
            if (_cache is { } c && c.Stamp == info.LastWriteTimeUtc && c.Length == info.Length)
            {
                return c.Result;
            }
            var result = Read(path);
            _cache = (info.LastWriteTimeUtc, info.Length, result);
            return result;
        }
    }

    private ContentYaml<T> Read(string path)
    {
        try
        {
            var text = File.ReadAllText(path, new UTF8Encoding(false, true));
            var value = new DeserializerBuilder().Build().Deserialize<T>(text);
            if (value is null)
            {
                return new ContentYaml<T>(null, $"{fileName} er tom.");
            }
            var errors = validate(value).ToList();
            return errors.Count == 0 ? new ContentYaml<T>(value, null) : new ContentYaml<T>(null, $"{fileName}: {string.Join(" ", errors)}");
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            return new ContentYaml<T>(null, $"{fileName}, linje {ex.Start.Line}: filen kunne ikke læses ({reason}).");
        }
        catch (DecoderFallbackException)
        {
            return new ContentYaml<T>(null, $"{fileName} er ikke gemt som UTF-8.");
        }
        catch (IOException ex)
        {
            return new ContentYaml<T>(null, $"{fileName} kunne ikke læses: {ex.Message}");
        }
    }
}
