using DocumentFormat.OpenXml.Packaging;
using Portal.Letters;

namespace Portal.Tests.Letters;

/// <summary>Case data is data: whatever a caseworker types appears literally, in HTML and in Word.</summary>
public class CaseDataInjectionTests
{
    private const string Refusal = "skabeloner/afgoerelser/afslag-merudgifter-test";
    private static readonly LetterKit s_kit = new();
    private static readonly Lazy<LoadedContent> s_content = new(() =>
    {
        using var dir = LetterKit.FixtureContent();
        return s_kit.Load(dir.Path);
    });

    public static TheoryData<string, string> Payloads => new()
    {
        { "{{ 7*7 }}", "{{ 7*7 }}" },
        { "<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" },
        { "**fed**", "**fed**" },
        { "[link](javascript:alert(1))", "[link](javascript:alert(1))" },
        { "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;" },
        { "# Overskrift", "# Overskrift" },
        { "1. ikke en liste", "1. ikke en liste" },
        { "| a | b |", "| a | b |" },
        { "&amp; &copy;", "&amp;amp; &amp;copy;" },
        { "www.example.com", "www.example.com" },
    };

    private static LetterResult Generate(string value)
    {
        var template = s_content.Value.Templates.Find(Refusal)!;
        var fields = new Dictionary<string, object?>(template.Example) { ["barnets_navn"] = value, ["vurdering"] = value, ["bilag"] = new List<string> { value } };
        return s_kit.Generate(s_content.Value.Templates, Refusal, fields, recipients: [new Recipient(value, RecipientRole.Citizen, value)]);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void CaseData_AppearsLiterallyInHtml(string value, string encoded)
    {
        var result = Generate(value);
        var html = LetterHtml.Compose(result);

        Assert.True(result.IsValid);
        Assert.Contains(encoded, html.Replace("&quot;", "\"").Replace("&#x27;", "&#39;"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:alert(1)\"", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.DoesNotContain("<strong>fed", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain(">49<", html);
        Assert.DoesNotContain("href=\"http://www.example.com", html);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void CaseData_AppearsLiterallyInWord(string value, string encoded)
    {
        _ = encoded;
        using var docx = WordprocessingDocument.Open(new MemoryStream(s_kit.Docx.Write(Generate(value))), false);
        var body = docx.MainDocumentPart!.Document!.Body!;

        var paragraphs = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.Contains(value, StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p == value);
        Assert.DoesNotContain(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>(), r => r.InnerText == "fed" && r.RunProperties?.Bold is not null);
    }

    [Fact]
    public void LongText_KeepsParagraphsAndLines()
    {
        var result = Generate("Første linje\nAnden linje\n\nNyt afsnit");

        var body = result.Letters[0].BodyHtml;
        Assert.Contains("Første linje<br />\nAnden linje</p>", body.Replace("<br>", "<br />"));
        Assert.Contains("<p>Nyt afsnit</p>", body);
    }

    [Fact]
    public void CaseworkerProfile_IsEscapedToo()
    {
        var template = s_content.Value.Templates.Find(Refusal)!;
        var caseworker = new Caseworker("<b>Sara</b>", "**Rådgiver**", "1", "a@b", "[x](javascript:y)");
        var result = s_kit.Service.Generate(s_content.Value.Templates, template, new LetterRequest(template.Example, new DateOnly(2026, 11, 24), []), caseworker);

        var html = LetterHtml.Compose(result);
        Assert.Contains("&lt;b&gt;Sara&lt;/b&gt;, **Rådgiver**", html);
        Assert.DoesNotContain("<b>Sara", html);
        Assert.DoesNotContain("href=\"javascript", html);
    }

    /// <summary>Letters skip the sanitiser only when Markdig's own escaping is enough; anything else still goes through it.</summary>
    [Theory]
    [InlineData("Tekst med **fed** og [link](https://example.com) og [mail](mailto:a@b.dk) og [intern](#afsnit).", false)]
    [InlineData("| A | B |\n|---|---|\n| 1 | 2 |", false)]
    [InlineData("<b>rå html</b>", true)]
    [InlineData("<div>\nblok\n</div>", true)]
    [InlineData("[x](javascript:alert(1))", true)]
    [InlineData("[x](JavaScript:alert(1))", true)]
    [InlineData("[x](javascript&colon;alert(1))", true)]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", true)]
    [InlineData("![billede](vbscript:x)", true)]
    [InlineData("<javascript:alert(1)>", true)]
    [InlineData("<https://example.com> og <a@b.dk>", false)]
    [InlineData("- [ ] opgave", true)]
    [InlineData("| A |\n|--:|\n| 1 |", true)]
    public void TemplateMarkup_IsSanitisedWhenItNeedsIt(string markdown, bool needs)
    {
        Assert.Equal(needs, Portal.Content.MarkdownRenderer.NeedsSanitizing(Markdig.Markdown.Parse(markdown, s_kit.Markdown.Pipeline)));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    public void UnsafeTemplateMarkup_NeverReachesTheLetter(string markdown)
    {
        var html = s_kit.Renderer.ToHtml(markdown, Portal.Content.LawCatalog.Empty("https://lov.example"));

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
