using System.Text.RegularExpressions;
using Portal.Content;
using YamlDotNet.RepresentationModel;

namespace Portal.Letters;

public sealed record TemplateReadResult(TemplateDefinition? Template, IReadOnlyList<ContentIssue> Issues);

/// <summary>Reads a template's own front matter keys (type, afgørelsestype, modtagere, felter, eksempel).</summary>
public static partial class TemplateReader
{
    public static bool IsTemplate(LibraryDocument document) => document.Slug.StartsWith(TemplateNames.TemplateFolder, StringComparison.OrdinalIgnoreCase);

    public static TemplateReadResult Read(LibraryDocument document)
    {
        var issues = new List<ContentIssue>();
        var fm = document.FrontMatter;
        var file = document.FilePath;

        if (!TemplateNames.TryParseKind(document.Type, out var kind))
        {
            issues.Add(Error(file, fm.LineOf("type"), $"En skabelon skal have 'type: afgørelse', 'type: brev' eller 'type: frase', ikke '{document.Type}'."));
            return new TemplateReadResult(null, issues);
        }

        DecisionType? decisionType = null;
        var decisionText = fm.GetString("afgørelsestype");
        if (kind == TemplateKind.Decision)
        {
            if (decisionText is null)
            {
                issues.Add(Error(file, fm.LineOf("type"), "En afgørelse skal have 'afgørelsestype': bevilling, delvis bevilling, afslag eller andet."));
            }
            else if (TemplateNames.TryParseDecisionType(decisionText, out var parsed))
            {
                decisionType = parsed;
            }
            else
            {
                issues.Add(Error(file, fm.LineOf("afgørelsestype"), $"Ukendt afgørelsestype '{decisionText}'. Brug bevilling, delvis bevilling, afslag eller andet."));
            }
        }

        var modeText = fm.GetString("modtagere");
        if (!TemplateNames.TryParseRecipientMode(modeText, out var mode))
        {
            issues.Add(Error(file, fm.LineOf("modtagere"), $"'modtagere' skal være 'hver' (et brev pr. modtager) eller 'kopi' (ét brev med kopiliste), ikke '{modeText}'."));
        }

        var legal = LegalStatus.Read(document, issues);
        var fields = ReadFields(fm, file, issues);
        var example = ReadExample(fm, file, issues);
        foreach (var name in example.Keys.Where(k => !fields.Any(f => string.Equals(f.Name, k, StringComparison.OrdinalIgnoreCase))))
        {
            issues.Add(Error(file, fm.LineOf("eksempel"), $"Eksemplet har en værdi for '{name}', men skabelonen har intet felt med det navn under 'felter'."));
        }

        var template = new TemplateDefinition
        {
            Document = document,
            Kind = kind,
            DecisionType = decisionType,
            RecipientMode = Enum.IsDefined(mode) ? mode : RecipientMode.Copy,
            Fields = fields,
            Example = example,
            BodyStartLine = fm.BodyStartLine,
            LegalStatus = legal,
            Kle = KleClassification.Read(fm, file, kind, issues),
            Form = FormClassification.Read(fm, file, issues),
        };
        return new TemplateReadResult(issues.Any(i => i.Severity == IssueSeverity.Error) ? null : template, issues);
    }

    private static List<TemplateField> ReadFields(FrontMatter fm, string file, List<ContentIssue> issues)
    {
        var fields = new List<TemplateField>();
        switch (fm.GetNode("felter"))
        {
            case null:
                return fields;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlMappingNode map)
                    {
                        issues.Add(Error(file, fm.LineOf(item), "Hvert felt under 'felter' skal have 'navn', 'label' og 'type'."));
                        continue;
                    }
                    if (ReadField(map, fm, file, issues) is { } field)
                    {
                        if (fields.Any(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase)))
                        {
                            issues.Add(Error(file, field.Line, $"Feltet '{field.Name}' står to gange under 'felter'."));
                            continue;
                        }
                        fields.Add(field);
                    }
                }
                return fields;
            default:
                issues.Add(Error(file, fm.LineOf("felter"), "'felter' skal være en liste af felter (hvert med '- navn: ...')."));
                return fields;
        }
    }

    private static TemplateField? ReadField(YamlMappingNode map, FrontMatter fm, string file, List<ContentIssue> issues)
    {
        var line = fm.LineOf(map);
        var name = Scalar(map, "navn");
        if (name is null || !FieldName().IsMatch(name))
        {
            issues.Add(Error(file, line, name is null
                ? "Et felt mangler 'navn'."
                : $"Feltnavnet '{name}' må kun bestå af små bogstaver a-z, tal og _ (fx 'mundtlig_dato')."));
            return null;
        }
        var label = Scalar(map, "label");
        if (label is null)
        {
            issues.Add(Error(file, line, $"Feltet '{name}' mangler 'label' (den tekst sagsbehandleren ser i formularen)."));
        }
        var typeText = Scalar(map, "type");
        if (!TemplateNames.TryParseFieldType(typeText, out var type))
        {
            issues.Add(Error(file, line, $"Feltet '{name}' har typen '{typeText ?? "(ingen)"}'. Brug tekst, langtekst, dato, tal, beløb, valg, ja/nej eller liste."));
            return null;
        }
        var options = Node(map, "valgmuligheder") switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList(),
            YamlScalarNode { Value: { Length: > 0 } v } => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => [],
        };
        if (type == FieldType.Choice && options.Count == 0)
        {
            issues.Add(Error(file, line, $"Feltet '{name}' er et valg, men har ingen 'valgmuligheder'."));
        }
        var requiredText = Scalar(map, "påkrævet") ?? Scalar(map, "paakraevet");
        var required = requiredText?.ToLowerInvariant() is "true" or "ja" or "yes";
        if (requiredText is not null && !required && requiredText.ToLowerInvariant() is not ("false" or "nej" or "no"))
        {
            issues.Add(Error(file, line, $"'påkrævet' for feltet '{name}' skal være true eller false, ikke '{requiredText}'."));
        }
        var defaultValue = RawValue(Node(map, "standardværdi") ?? Node(map, "standardvaerdi"));
        var maxLength = ReadMaxLength(map, name, type, file, line, issues);
        return new TemplateField(name, label ?? name, type, required, Scalar(map, "hjælpetekst") ?? Scalar(map, "hjaelpetekst"), options, defaultValue, line, maxLength);
    }

    private static int? ReadMaxLength(YamlMappingNode map, string name, FieldType type, string file, int line, List<ContentIssue> issues)
    {
        var text = Scalar(map, "maks_længde") ?? Scalar(map, "maks_laengde");
        if (text is null)
        {
            return null;
        }
        if (type is not (FieldType.Text or FieldType.LongText or FieldType.List))
        {
            issues.Add(Error(file, line, $"'maks_længde' for feltet '{name}' kan kun bruges på tekst, langtekst og liste."));
            return null;
        }
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max < 1 || max > FieldLimits.Highest)
        {
            issues.Add(Error(file, line, $"'maks_længde' for feltet '{name}' skal være et helt tal mellem 1 og {FieldLimits.Highest}, ikke '{text}'."));
            return null;
        }
        return max;
    }

    private static Dictionary<string, object?> ReadExample(FrontMatter fm, string file, List<ContentIssue> issues)
    {
        var example = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        switch (fm.GetNode("eksempel"))
        {
            case null:
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        example[name] = RawValue(value);
                    }
                }
                break;
            default:
                issues.Add(Error(file, fm.LineOf("eksempel"), "'eksempel' skal være feltnavne med værdier, fx 'mundtlig_dato: 2026-11-24'."));
                break;
        }
        return example;
    }

    /// <summary>A YAML value as the form would send it: a string, a list of strings, or null.</summary>
    private static object? RawValue(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => string.IsNullOrEmpty(scalar.Value) ? null : scalar.Value,
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        _ => null,
    };

    private static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: { } k } && string.Equals(k, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Node(map, key) is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static ContentIssue Error(string file, int line, string message) => new(file, line, IssueSeverity.Error, message);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FieldName();
}
