using Portal.Content;
using Portal.Documents;
using Portal.Editing;

namespace Portal.Tests.Editing;

public class FrontMatterEditorTests
{
    private const string Yaml = """
        titel: Afslag
        type: afgørelse
        lovgrundlag:
          - Serviceloven § 100
        # En kommentar, der skal blive stående.
        tovholder: jurist-social
        felter:
          - navn: beloeb
            type: beløb

        eksempel:
          beloeb: 12
        """;

    [Fact]
    public void SplitAndCompose_RoundTripsADocument()
    {
        var text = "---\n" + Yaml + "\n---\n# Brødtekst\n\nMere.\n";

        var split = DocumentText.Split(text);

        Assert.Equal(Yaml + "\n", split.FrontMatter);
        Assert.Equal("# Brødtekst\n\nMere.\n", split.Body);
        Assert.Equal(text, split.Compose());
    }

    [Fact]
    public void Split_WithoutFrontMatter_KeepsEverythingAsBody()
    {
        var split = DocumentText.Split("Bare tekst\n");

        Assert.Equal(("", "Bare tekst\n"), (split.FrontMatter, split.Body));
    }

    [Fact]
    public void Set_ChangesOnlyThatKey_AndKeepsCommentsAndTemplateFields()
    {
        var changed = FrontMatterEditor.Set(Yaml, "tovholder", "faglig-koordinator-boern");

        Assert.Equal(Yaml.Replace("tovholder: jurist-social", "tovholder: faglig-koordinator-boern") + "\n", changed);
    }

    [Fact]
    public void SetList_ReplacesTheWholeBlock_AndKeepsTheFollowingComment()
    {
        var changed = FrontMatterEditor.SetList(Yaml, "lovgrundlag", ["Serviceloven § 100", "Forvaltningsloven § 22"]);

        Assert.Contains("lovgrundlag:\n  - Serviceloven § 100\n  - Forvaltningsloven § 22\n# En kommentar, der skal blive stående.\n", changed);
    }

    [Fact]
    public void SetList_Inline_WritesAFlowList()
    {
        Assert.Equal("tags: [afslag, \"a, b\"]\n", FrontMatterEditor.SetList("", "tags", ["afslag", "a, b"], inline: true));
    }

    [Fact]
    public void Set_NewKey_IsAppended_AndBlankRemoves()
    {
        var added = FrontMatterEditor.Set("titel: A\n", "resumé", "Kort");

        Assert.Equal("titel: A\nresumé: Kort\n", added);
        Assert.Equal("titel: A\n", FrontMatterEditor.Set(added, "resumé", " "));
    }

    [Fact]
    public void Set_FindsTheAsciiSpellingOfADanishKey()
    {
        Assert.Equal("område: voksen\n", FrontMatterEditor.Set("omraade: børn\n", "område", "voksen"));
    }

    [Theory]
    [InlineData("Meddelelse af afslag", "Meddelelse af afslag")]
    [InlineData("Afslag: børn", "\"Afslag: børn\"")]
    [InlineData("- liste", "\"- liste\"")]
    [InlineData("ja", "ja")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("Sig \"hej\" # nu", "\"Sig \\\"hej\\\" # nu\"")]
    public void Scalar_QuotesOnlyWhenPlainWouldChangeTheMeaning(string value, string expected) =>
        Assert.Equal(expected, FrontMatterEditor.Scalar(value));

    [Theory]
    [InlineData(3, "Ukendt type 'roman'.", "type")]
    [InlineData(5, "Lovhenvisningen 'x' blev ikke genkendt.", "lovgrundlag")]
    [InlineData(1, "Feltet 'titel' mangler.", "titel")]
    [InlineData(12, "Linket 'x.md' peger på et dokument, der ikke findes.", "tekst")]
    [InlineData(2, "Front matter er ikke gyldig YAML: en liste er ikke afsluttet korrekt. (intern fejl)", "frontmatter")]
    public void FieldError_IsTiedToTheFieldOnItsLine(int line, string message, string field)
    {
        var text = "---\ntitel: A\ntype: roman\nlovgrundlag:\n  - x\ntovholder: b\n---\nBrødtekst\n\n\n\n[x](x.md)\n";

        var error = DocumentValidator.ToFieldError(new Portal.Content.ContentIssue("a.md", line, Portal.Content.IssueSeverity.Error, message), text);

        Assert.Equal(field, error.Field);
    }
}
