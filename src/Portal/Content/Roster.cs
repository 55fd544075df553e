using YamlDotNet.RepresentationModel;

namespace Portal.Content;

/// <summary>The tovholder roster (content/tovholdere.yml): key → person.</summary>
public sealed class Roster
{
    public const string FileName = "tovholdere.yml";

    public static readonly Roster Empty = new(new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase));

    private readonly IReadOnlyDictionary<string, Owner> _owners;

    public Roster(IReadOnlyDictionary<string, Owner> owners) => _owners = owners;

    public IEnumerable<Owner> Owners => _owners.Values.OrderBy(o => o.Name, StringComparer.Create(new System.Globalization.CultureInfo("da-DK"), false));

    public Owner? Find(string? key) => key is not null && _owners.TryGetValue(key, out var owner) ? owner : null;

    public static Roster Load(string contentRoot, List<ContentIssue> issues)
    {
        var path = Path.Combine(contentRoot, FileName);
        if (!File.Exists(path))
        {
            issues.Add(new ContentIssue(FileName, 0, IssueSeverity.Error, "Filen med tovholdere mangler, så ingen dokumenter har en gyldig tovholder."));
            return Empty;
        }
        var root = YamlFile.LoadMapping(path, FileName, issues);
        if (root is null)
        {
            return Empty;
        }
        var owners = new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = (int)keyNode.Start.Line;
            if (value is not YamlMappingNode person)
            {
                issues.Add(new ContentIssue(FileName, line, IssueSeverity.Error, $"Tovholderen '{key}' skal have felterne navn, funktion, email og enhed."));
                continue;
            }
            var name = YamlFile.Scalar(person, "navn");
            var function = YamlFile.Scalar(person, "funktion");
            if (name is null || function is null)
            {
                issues.Add(new ContentIssue(FileName, line, IssueSeverity.Error, $"Tovholderen '{key}' mangler navn eller funktion."));
                continue;
            }
            owners[key] = new Owner(key, name, function, YamlFile.Scalar(person, "email") ?? "", YamlFile.Scalar(person, "enhed") ?? "");
        }
        return new Roster(owners);
    }
}
