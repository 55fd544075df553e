using Portal.Content;
using YamlDotNet.RepresentationModel;

namespace Portal.Letters;

/// <summary>
/// A template's KLE classification (front matter "kle": emne, navn, handlingsfacet, optionally verificeret: nej):
/// Digital Post and the case system file the letter by it. A template without one cannot be sent, and an unverified
/// one is a warning; the content check says so.
/// </summary>
public sealed record KleClassification(string SubjectKey, string Label, string? ActivityFacet)
{
    public static KleClassification? Read(FrontMatter fm, string file, TemplateKind kind, List<ContentIssue> issues)
    {
        var node = fm.GetNode(FrontMatterKeys.Kle);
        if (node is not YamlMappingNode map)
        {
            if (kind != TemplateKind.Phrase)
            {
                issues.Add(new ContentIssue(file, fm.LineOf(FrontMatterKeys.Type), IssueSeverity.Warning,
                    $"Skabelonen mangler '{FrontMatterKeys.Kle}' (KLE-emne og handlingsfacet), så breve fra den kan ikke sendes med Digital Post. Skriv fx {FrontMatterKeys.Kle}: {{ emne: 27.24.00, navn: ..., handlingsfacet: G01 }}."));
            }
            return null;
        }
        var subject = YamlFile.Scalar(map, "emne");
        var label = YamlFile.Scalar(map, "navn");
        var facet = YamlFile.Scalar(map, "handlingsfacet");
        if (subject is null || !System.Text.RegularExpressions.Regex.IsMatch(subject, @"^\d{2}\.\d{2}\.\d{2}$") || string.IsNullOrWhiteSpace(label))
        {
            issues.Add(new ContentIssue(file, fm.LineOf(FrontMatterKeys.Kle), IssueSeverity.Warning,
                $"'{FrontMatterKeys.Kle}' skal have 'emne' som tre talpar (fx 27.24.00) og 'navn' (emnets titel i KLE)."));
            return null;
        }
        if (YamlFile.Scalar(map, "verificeret") is { } verified && verified.Trim().ToLowerInvariant() is "nej" or "false")
        {
            // Shown on Indholdsfejl: a guessed KLE number would file the letter on the wrong subject in Digital Post and the case system.
            issues.Add(new ContentIssue(file, fm.LineOf(FrontMatterKeys.Kle), IssueSeverity.Warning,
                $"KLE-emnet {subject} ({label.Trim()}) er ikke verificeret i KLE-online. Find det præcise emne for skabelonens område på kle-online.dk, ret 'emne' og 'navn', og fjern 'verificeret: nej', før breve fra skabelonen sendes med Digital Post."));
        }
        return new KleClassification(subject, label.Trim(), string.IsNullOrWhiteSpace(facet) ? null : facet.Trim());
    }
}

/// <summary>
/// The template's FORM task (front matter "form": opgave, navn, optionally handlingsfacet), sent in MeMo's FORMdata
/// where known. Optional: a template without one sends KLE only.
/// </summary>
public sealed record FormClassification(string TaskKey, string Label, string? ActivityFacet)
{
    public static FormClassification? Read(FrontMatter fm, string file, List<ContentIssue> issues)
    {
        if (fm.GetNode(FrontMatterKeys.Form) is not { } node)
        {
            return null;
        }
        var map = node as YamlMappingNode;
        var task = map is null ? null : YamlFile.Scalar(map, "opgave");
        var label = map is null ? null : YamlFile.Scalar(map, "navn");
        if (task is null || label is null)
        {
            issues.Add(new ContentIssue(file, fm.LineOf(FrontMatterKeys.Form), IssueSeverity.Warning,
                $"'{FrontMatterKeys.Form}' skal have 'opgave' (FORM-opgavens nummer) og 'navn'. FORM sendes ikke med Digital Post, før det er rettet."));
            return null;
        }
        var facet = YamlFile.Scalar(map!, "handlingsfacet");
        return new FormClassification(task.Trim(), label.Trim(), facet?.Trim());
    }
}
