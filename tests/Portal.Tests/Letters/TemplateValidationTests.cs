using Portal.Content;

namespace Portal.Tests.Letters;

/// <summary>A template that breaks the rules is an error on Indholdsfejl and is not served.</summary>
public class TemplateValidationTests
{
    private const string Path = "skabeloner/afgoerelser/proeve.md";
    private static readonly LetterKit s_kit = new();

    private const string Fields = """
        felter:
          - navn: mundtlig_dato
            label: Dato for mundtligt afslag
            type: dato
            påkrævet: true
          - navn: faktiske_forhold
            label: Faktiske forhold
            type: langtekst
            påkrævet: true
          - navn: vurdering
            label: Vurdering
            type: langtekst
            påkrævet: true
          - navn: partshoering
            label: Partshøring
            type: valg
            påkrævet: true
            valgmuligheder: [Partshørt, Ikke nødvendig]
          - navn: partshoering_dato
            label: Partshørt den
            type: dato
          - navn: partshoering_emne
            label: Partshørt om
            type: tekst
          - navn: partshoering_grund
            label: Grund
            type: langtekst
          - navn: forsendelse
            label: Forsendelse
            type: valg
            valgmuligheder: [Digital Post, Almindelig post]
        eksempel:
          mundtlig_dato: 2026-11-20
          faktiske_forhold: Fakta.
          vurdering: Vurdering.
          partshoering: Partshørt
          partshoering_dato: 2026-11-16
          partshoering_emne: oplysningerne
        """;

    private const string GoodBody = "# Afslag\n\n## Begrundelse\n\n{{ sag.faktiske_forhold }}\n\n{{ sag.vurdering }}\n\n{{ include 'partshoering-afgoerelse' }}\n\n{{ include 'klagevejledning' }}\n";

    private static string Decision(string fields = Fields, string body = GoodBody, string type = "afslag") =>
        $"---\ntitel: Prøve\ntype: afgørelse\nafgørelsestype: {type}\nområde: børn\ntovholder: koordinator-boern\nrevideres: 2027-06-30\n{fields}\n---\n{body}";

    private static (IReadOnlyList<ContentIssue> Errors, LoadedContent Content) Load(string text, string path = Path)
    {
        using var dir = LetterKit.FixtureContent();
        dir.Write(path, text);
        var content = s_kit.Load(dir.Path);
        return (content.Errors.Where(i => i.File == path).ToList(), content);
    }

    [Fact]
    public void ValidDecision_IsServed()
    {
        var (errors, content) = Load(Decision());

        Assert.Empty(errors);
        Assert.NotNull(content.Templates.Find("skabeloner/afgoerelser/proeve"));
    }

    [Fact]
    public void Decision_WithoutBegrundelse_FailsAndIsNotServed()
    {
        var (errors, content) = Load(Decision(body: GoodBody.Replace("## Begrundelse", "## Derfor")));

        Assert.Contains(errors, e => e.Message.Contains("'## Begrundelse'") && e.Message.Contains("§§ 22-24"));
        Assert.Null(content.Templates.Find("skabeloner/afgoerelser/proeve"));
        Assert.Null(content.Snapshot.Find("skabeloner/afgoerelser/proeve"));
    }

    [Fact]
    public void Decision_WithoutComplaintGuidance_Fails()
    {
        var (errors, _) = Load(Decision(body: GoodBody.Replace("{{ include 'klagevejledning' }}", "")));

        Assert.Contains(errors, e => e.Message.Contains("klagevejledningen") && e.Message.Contains("§ 25"));
    }

    [Fact]
    public void Refusal_WithoutOralNoticeField_Fails()
    {
        var fields = Fields.Replace("mundtlig_dato", "anden_dato");
        var (errors, _) = Load(Decision(fields: fields));

        Assert.Contains(errors, e => e.Message.Contains("'mundtlig_dato' (dato, påkrævet)"));
    }

    [Fact]
    public void Grant_DoesNotNeedOralNoticeField()
    {
        var (errors, _) = Load(Decision(fields: Fields.Replace("mundtlig_dato", "anden_dato"), type: "bevilling"));

        Assert.Empty(errors);
    }

    [Fact]
    public void UndeclaredCaseField_IsAnErrorWithLineAndColumn()
    {
        var (errors, _) = Load(Decision(body: GoodBody + "Hej {{ sag.barnets_nvan }}\n"));

        var error = Assert.Single(errors);
        Assert.Contains("'sag.barnets_nvan' er ikke et felt", error.Message);
        var line = Decision(body: GoodBody + "Hej {{ sag.barnets_nvan }}\n").Split('\n').ToList().FindIndex(l => l.Contains("barnets_nvan")) + 1;
        Assert.Equal(line, error.Line);
        Assert.Contains("kolonne 8", error.Message);
    }

    [Fact]
    public void RequiredFieldWithoutSample_IsAnError()
    {
        var (errors, _) = Load(Decision(fields: Fields.Replace("\n  vurdering: Vurdering.", "")));

        Assert.Contains(errors, e => e.Message.Contains("'vurdering' er påkrævet, men 'eksempel' har ingen værdi"));
    }

    [Fact]
    public void InvalidSampleValue_IsAnError()
    {
        var (errors, _) = Load(Decision(fields: Fields.Replace("mundtlig_dato: 2026-11-20", "mundtlig_dato: i går")));

        Assert.Contains(errors, e => e.Message.Contains("Eksemplet") && e.Message.Contains("skal være en dato"));
    }

    [Fact]
    public void UnknownPhrase_IsAnError()
    {
        var (errors, _) = Load(Decision(body: GoodBody + "{{ include 'findes_ikke' }}\n"));

        Assert.Contains(errors, e => e.Message.Contains("frasen 'findes_ikke' findes ikke"));
    }

    [Fact]
    public void CompileError_IsShownWithFileLineAndColumn()
    {
        var text = Decision(body: GoodBody + "{{ if sag.vurdering }}\n");
        var (errors, _) = Load(text);

        var error = Assert.Single(errors);
        Assert.Equal(Path, error.File);
        Assert.Contains("kolonne", error.Message);
        Assert.Contains("{{ end }}", error.Message);
    }

    [Fact]
    public void SampleThatFailsToRender_IsAnError()
    {
        var (errors, _) = Load(Decision(body: GoodBody + "{{ kr sag.vurdering }}\n"));

        Assert.Contains(errors, e => e.Message.Contains("kunne ikke udfyldes"));
    }

    [Theory]
    [InlineData("modtagere: alle", "'modtagere' skal være 'hver'")]
    [InlineData("afgørelsestype: måske", "Ukendt afgørelsestype")]
    public void InvalidFrontMatterValue_IsAnError(string line, string message)
    {
        var key = line[..line.IndexOf(':')];
        var text = string.Join('\n', Decision().Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)).Prepend("").Skip(1))
            .Replace("revideres: 2027-06-30", "revideres: 2027-06-30\n" + line);

        var (errors, _) = Load(text);

        Assert.Contains(errors, e => e.Message.Contains(message));
    }

    [Fact]
    public void InvalidField_IsAnErrorOnItsLine()
    {
        var (errors, _) = Load(Decision(fields: Fields.Replace("felter:\n", "felter:\n  - navn: x\n    label: X\n    type: farve\n")));

        Assert.Contains(errors, e => e.Message.Contains("typen 'farve'") && e.Line == 9);
    }

    [Fact]
    public void PhraseOutsideThePhraseFolder_IsAnError()
    {
        var (errors, _) = Load("---\ntitel: F\ntype: frase\ntovholder: koordinator-boern\nrevideres: 2027-06-30\n---\nTekst\n", "skabeloner/breve/frase.md");

        Assert.Contains(errors, e => e.Message.Contains("skal ligge i skabeloner/fraser"));
    }

    [Fact]
    public void LibraryDocuments_AreNotChecked()
    {
        using var dir = LetterKit.FixtureContent();
        var content = s_kit.Load(dir.Path);

        Assert.Empty(content.Errors);
        Assert.Contains(content.Snapshot.Documents, d => !d.IsTemplate);
    }
}
