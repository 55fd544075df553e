using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portal.Content;

/// <summary>Loads a small YAML settings file under the content root, reporting problems as content issues.</summary>
public static class YamlFile
{
    public static YamlMappingNode? LoadMapping(string path, string relativeName, List<ContentIssue> issues)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, true));
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                return new YamlMappingNode();
            }
            if (stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }
            issues.Add(new ContentIssue(relativeName, 1, IssueSeverity.Error, "Filen skal indeholde felter på formen 'navn: værdi'."));
        }
        catch (YamlException ex)
        {
            issues.Add(new ContentIssue(relativeName, (int)ex.Start.Line, IssueSeverity.Error, $"Filen er ikke gyldig YAML: {ex.InnerException?.Message ?? ex.Message}"));
        }
        catch (System.Text.DecoderFallbackException)
        {
            issues.Add(new ContentIssue(relativeName, 0, IssueSeverity.Error, "Filen er ikke gemt som UTF-8."));
        }
        return null;
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } v } && v.Trim().Length > 0
            ? v.Trim()
            : null;

    public static IReadOnlyList<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList()
            : [];
}
