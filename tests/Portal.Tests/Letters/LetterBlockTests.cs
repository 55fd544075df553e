using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>
/// A letter rendered block by block, with the fixed text's HTML reused, is byte for byte the letter rendered whole;
/// and no block holding case data is kept.
/// </summary>
public class LetterBlockTests
{
    private static readonly LetterKit s_kit = new();
    private static readonly LawCatalog s_laws = LoadLaws();
    private static readonly Lazy<LoadedContent> s_shipped = new(() => Loaded(TestContentDirectory.FromRepository()));
    private static readonly Lazy<LoadedContent> s_fixture = new(() => Loaded(LetterKit.FixtureContent()));

    // The content is read into memory; the copy on disk is not needed after that.
    private static LoadedContent Loaded(TestContentDirectory copy)
    {
        using (copy)
        {
            return s_kit.Load(copy.Path);
        }
    }

    private static LawCatalog LoadLaws() => LawCatalog.Load(RepositoryPaths.Content, "https://lov.example", []);

    private static string Whole(string markdown) => s_kit.Renderer.ToHtml(markdown, s_laws);

    private static string ByBlocks(LetterRenderer renderer, string markdown) => renderer.ToHtml(markdown, s_laws, []);

    // A fresh renderer: nothing kept from an earlier test.
    private static LetterRenderer NewRenderer() => new(s_kit.Markdown, Microsoft.Extensions.Options.Options.Create(s_kit.Options));

    public static TheoryData<string> Constructs => new()
    {
        "# Overskrift\n\nTekst med **fed** og *kursiv*.\n\n## Afsnit\n\nMere tekst.",
        "- et\n\n- to\n\n- tre\n\nEfter listen.",
        "- et\n- to\n\nEfter den tætte liste.\n\n- ny liste",
        "1. første\n\nMellem\n\n2. anden",
        "a. første\n\nb. anden\n\nTekst",
        "i. første\n\nii. anden",
        "Udtryk\n:   Forklaring\n\nUdtryk to\n:   Forklaring to",
        "Udtryk\n\n:   Forklaring løst",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst efter tabellen.",
        "a | b\n--|--\n1 | 2\n\nTekst",
        "> Citat\n\n> Andet citat\n\nTekst",
        "> [!NOTE]\n> En bemærkning\n\nTekst",
        "Afsnit\n\n    kode\n\nTekst",
        "- punkt\n\n  fortsat i punktet\n\nTekst",
        "Tekst med [et link](https://example.com) og www.example.com og Barnets Lov § 86.\n\nForvaltningsloven § 24 i næste blok.",
        "Tekst[^1]\n\n[^1]: En fodnote",
        "Se [dette][ref]\n\n[ref]: https://example.com",
        "Tekst\n\n```\nkode\n\nmere kode\n```\n\nTekst",
        "Tekst\n\n<div>\n\nhtml\n\n</div>",
        "Tekst\n\n***\n\nTekst",
        "Tekst\n\n___\n\nTekst",
        "Overskrift\n===\n\nTekst\n---",
        "Linje med hårdt\\\nlinjeskift\n\n\\- ikke en liste",
        "- [ ] opgave\n\nTekst",
        "Tekst  \nmed to mellemrum\n\n\n\nEfter flere tomme linjer\n",
        "\n\nTekst efter tomme linjer",
        "+ plus\n\n+ plus igen\n\nTekst",
        "* stjerne\n\n* stjerne igen\n\nTekst",
        "Tekst\n\n![billede](https://example.com/x.png)",
        "Tekst\n\n[link](javascript:alert(1))",
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public void ByBlocks_IsTheSameAsWhole(string markdown)
    {
        var renderer = NewRenderer();
        var whole = Whole(markdown);

        Assert.Equal(whole, ByBlocks(renderer, markdown));
        Assert.Equal(whole, ByBlocks(renderer, markdown)); // the second time from the kept blocks
    }

    [Fact]
    public void ByBlocks_IsTheSameAsWhole_ForEveryMixOfConstructs()
    {
        // Pairs and triples of the constructs above, in both orders: what comes before a cut must not change what comes after.
        var parts = Constructs.Select(row => row.Data).ToList();
        var renderer = NewRenderer();
        var random = new Random(86);
        for (var i = 0; i < 400; i++)
        {
            var markdown = string.Join("\n\n", Enumerable.Range(0, random.Next(2, 5)).Select(_ => parts[random.Next(parts.Count)]));
            Assert.Equal(Whole(markdown), ByBlocks(renderer, markdown));
            // With case data in some blocks: those are parsed together each time, between kept ones.
            Assert.Equal(Whole(markdown), renderer.ToHtml(markdown, s_laws, ["Tekst", "et"]));
        }
    }

    public static TheoryData<string, string> TemplateFiles() => TemplateContentTests.TemplateFiles();

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryTemplate_RendersTheSameByBlocksAsWhole(string source, string file)
    {
        var content = source == "content" ? s_shipped.Value : s_fixture.Value;
        var slug = file[..^3];
        if (content.Snapshot.Documents.Single(d => d.Slug == slug).Type == "frase")
        {
            return; // a phrase is rendered inside the templates that include it
        }
        var template = content.Templates.Find(slug);
        Assert.NotNull(template);
        foreach (var preview in new[] { false, true })
        {
            var result = s_kit.Generate(content.Templates, slug, template.Example, sendDate: new DateOnly(2026, 11, 30), preview: preview);
            Assert.NotEmpty(result.Letters);
            foreach (var letter in result.Letters)
            {
                Assert.Equal(s_kit.Renderer.ToHtml(letter.Markdown, content.Templates.Laws), letter.BodyHtml);
            }
        }
    }

    [Fact]
    public void ShippedRefusal_IsCutIntoBlocks()
    {
        var template = s_shipped.Value.Templates.Templates.First(t => t.Slug.EndsWith("afslag-merudgifter", StringComparison.Ordinal));
        var markdown = s_kit.Generate(s_shipped.Value.Templates, template.Slug, template.Example).Letters[0].Markdown;

        var blocks = LetterBlocks.Split(markdown);

        Assert.NotNull(blocks);
        Assert.True(blocks.Count >= 10, $"{blocks.Count} blokke");
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(markdown.Trim(), "\n(\\s*\n)+", "\n\n"), string.Join("\n\n", blocks));
    }

    [Fact]
    public void BlocksWithCaseData_AreNeverKept_TheFixedTextIs()
    {
        var renderer = NewRenderer();
        const string markdown = "# Afgørelse om Emma Eksempel\n\nDu har søgt om hjælp.\n\nVi skriver til EMMA EKSEMPEL igen.\n\nFødt 2. oktober 2019.\n\nKlagevejledning: du kan klage.";
        var personal = new[] { "Emma Eksempel", DanishFormat.Date(new DateOnly(2019, 10, 2)) };

        renderer.ToHtml(markdown, s_laws, personal);
        var kept = renderer.KeptBlocks(s_laws);

        Assert.Equal(["Du har søgt om hjælp.", "Klagevejledning: du kan klage."], kept.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PersonalTexts_CoverTypedTextListsDatesAndRecipients()
    {
        var template = s_shipped.Value.Templates.Templates.First(t => t.Slug.EndsWith("afslag-merudgifter", StringComparison.Ordinal));
        var values = FieldValueParser.Parse(template, new Dictionary<string, object?>(template.Example)
        {
            ["faktiske_forhold"] = "Første afsnit.\n\nAndet afsnit\nmed en linje til.",
        });

        var texts = LetterBlocks.PersonalTexts(template, values, [new Recipient("Anna Andersen", RecipientRole.CustodyHolder, "Vejen 1\n7100 Vejle")]);

        Assert.Contains("Emma Eksempel", texts);
        Assert.Contains("Første afsnit\\.", texts);
        Assert.Contains("med en linje til\\.", texts);
        Assert.Contains("Udtalelse fra Eksempel Sygehus af 2\\. oktober 2026", texts);
        Assert.Contains("14. september 2026", texts);
        Assert.Contains("Anna Andersen", texts);
        Assert.Contains("7100 Vejle", texts);
        Assert.DoesNotContain("gruppe I", texts); // an option of the template, not the citizen's text
    }

    [Fact]
    public void GeneratedLetters_KeepOnlyBlocksWithoutTheCitizensTexts()
    {
        var kit = new LetterKit(); // its own renderer: only this test's letter is kept
        var content = s_shipped.Value;
        var template = content.Templates.Templates.First(t => t.Slug.EndsWith("afslag-merudgifter", StringComparison.Ordinal));
        var fields = new Dictionary<string, object?>(template.Example) { ["barnets_navn"] = "Viggo Unik", ["vurdering"] = "En helt særlig vurdering af Viggo." };

        var result = kit.Generate(content.Templates, template.Slug, fields, recipients: [new Recipient("Karen Modtager", RecipientRole.CustodyHolder, "Særvej 9\n9999 Bysted")]);
        var kept = kit.Renderer.KeptBlocks(content.Templates.Laws);

        Assert.True(result.IsValid);
        Assert.NotEmpty(kept);
        foreach (var text in new[] { "Viggo", "særlig vurdering", "Karen Modtager", "Særvej", "Bysted" })
        {
            Assert.DoesNotContain(kept, b => b.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void KeptBlocks_AreBounded()
    {
        var renderer = NewRenderer();
        for (var i = 0; i < LetterRenderer.MaxCachedBlocks + 10; i++)
        {
            renderer.ToHtml($"Afsnit nummer {i}.\n\nFast tekst.", s_laws, []);
        }

        Assert.InRange(renderer.KeptBlocks(s_laws).Count, 1, LetterRenderer.MaxCachedBlocks);
    }
}
