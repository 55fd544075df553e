using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// The checks a template must pass before it is served: it compiles, every sag.x is a declared field, its
/// phrases exist, every required field has a sample value, a decision has its begrundelse and klagevejledning
/// (forvaltningsloven §§ 22-25), a refusal asks for the oral notice date, and the sample renders.
/// </summary>
public sealed partial class TemplateValidator(LetterService letters, TimeProvider clock)
{
    public static readonly Caseworker SampleCaseworker = new("Sara Sørensen", "Rådgiver", "12 34 56 78", "sara@kommune.example", "mandag-torsdag kl. 9-12");
    public static readonly Recipient SampleRecipient = new("Eksempel Modtager", RecipientRole.Citizen, "Eksempelvej 1\n7100 Eksempelby");

    public IReadOnlyList<ContentIssue> Validate(TemplateDefinition template, PartialSet partials)
    {
        var issues = new List<ContentIssue>();
        var file = template.Document.FilePath;
        var compiled = TemplateCache.Shared.Compile(template);
        issues.AddRange(compiled.Issues);
        if (template.Kind == TemplateKind.Phrase)
        {
            if (!template.Slug.StartsWith(TemplateNames.PhraseFolder, StringComparison.OrdinalIgnoreCase))
            {
                issues.Add(Error(file, 1, $"En frase skal ligge i {TemplateNames.PhraseFolder.TrimEnd('/')}, så skabelonerne kan indsætte den med sit filnavn."));
            }
            return issues;
        }
        if (compiled.HasErrors)
        {
            return issues;
        }

        var (included, missing) = partials.Closure(compiled);
        foreach (var (name, at) in missing)
        {
            issues.Add(Error(at.File, at.Line, $"Linje {at.Line}, kolonne {at.Column}: frasen '{name}' findes ikke under {TemplateNames.PhraseFolder.TrimEnd('/')}."));
        }
        foreach (var (name, at) in compiled.CaseFields.Concat(included.SelectMany(p => p.Compiled.CaseFields)).Where(u => template.Field(u.Name) is null))
        {
            issues.Add(Error(at.File, at.Line, $"Linje {at.Line}, kolonne {at.Column}: 'sag.{name}' er ikke et felt i skabelonen. Tilføj det under 'felter', eller ret stavningen."));
        }
        foreach (var field in template.Fields.Where(f => f.Required && !template.Example.ContainsKey(f.Name)))
        {
            issues.Add(Error(file, field.Line, $"Feltet '{field.Name}' er påkrævet, men 'eksempel' har ingen værdi for det."));
        }
        if (template.Kind == TemplateKind.Decision)
        {
            CheckDecision(template, compiled, included, issues);
        }
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            return issues;
        }

        var set = new TemplateSet(LibrarySnapshot.Empty, partials, [template], []);
        var request = new LetterRequest(template.Example, clock.Today(), [SampleRecipient]);
        var result = letters.Generate(set, template, request, SampleCaseworker, preview: true);
        foreach (var error in result.Errors)
        {
            var line = error.Field is not null && template.Field(error.Field) is { } f ? f.Line : template.Document.FrontMatter.LineOf("eksempel");
            issues.Add(Error(file, line, error.Field is null ? error.Message : $"Eksemplet: {error.Message}"));
        }
        return issues;
    }

    private static void CheckDecision(TemplateDefinition template, CompiledTemplate compiled, IReadOnlyList<Partial> included, List<ContentIssue> issues)
    {
        var file = template.Document.FilePath;
        if (!BegrundelseHeading().IsMatch(template.Body))
        {
            issues.Add(Error(file, template.BodyStartLine, "En afgørelse skal have et afsnit '## Begrundelse' med de faktiske forhold og den konkrete vurdering (forvaltningsloven §§ 22-24)."));
        }
        foreach (var name in new[] { "faktiske_forhold", "vurdering" })
        {
            if (template.Field(name) is not { Type: FieldType.LongText, Required: true })
            {
                issues.Add(Error(file, template.Document.FrontMatter.LineOf("felter"), $"En afgørelse skal have feltet '{name}' (langtekst, påkrævet) til begrundelsen, jf. skabelonernes README."));
            }
        }
        var complaint = compiled.Includes.Any(i => i.Name.Equals(TemplateNames.ComplaintGuidancePartial, StringComparison.OrdinalIgnoreCase))
            || included.Any(p => p.Name.Equals(TemplateNames.ComplaintGuidancePartial, StringComparison.OrdinalIgnoreCase));
        if (!complaint)
        {
            issues.Add(Error(file, template.BodyStartLine, "En afgørelse skal indeholde klagevejledningen: {{ include 'klagevejledning' }} (forvaltningsloven § 25)."));
        }
        if (template.RequiresOralNotice && template.Field(TemplateNames.OralNoticeField) is not { Type: FieldType.Date, Required: true })
        {
            issues.Add(Error(file, template.Document.FrontMatter.LineOf("felter"),
                $"Et afslag eller en delvis bevilling skal have feltet '{TemplateNames.OralNoticeField}' (dato, påkrævet): hvornår afslaget blev givet mundtligt."));
        }
    }

    private static ContentIssue Error(string file, int line, string message) => new(file, line, IssueSeverity.Error, message);

    [GeneratedRegex(@"^##\s+Begrundelse\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BegrundelseHeading();
}
