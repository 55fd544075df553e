using Portal.Content;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>juridisk_status: only an approved template whose text is unchanged gives a final letter; the rest are drafts with a banner.</summary>
public class LegalStatusTests
{
    private const string Path = "skabeloner/breve/godkendt-test.md";
    private const string Slug = "skabeloner/breve/godkendt-test";
    private static readonly LetterKit s_kit = new();

    private static string Letter(string status, string body = "# Brev\n\nKære {{ modtager.navn }}. Vi har modtaget din ansøgning.\n") =>
        $"---\ntitel: Godkendt test\ntype: brev\n{status}\nområde: fælles\ntovholder: koordinator-boern\nrevideres: 2027-06-30\nmodtagere: kopi\n---\n{body}";

    private static LoadedContent Load(string text)
    {
        using var dir = LetterKit.FixtureContent();
        dir.Write(Path, text);
        return s_kit.Load(dir.Path);
    }

    /// <summary>Approves the body with its own hash, as a jurist would with the hash the page shows.</summary>
    private static LoadedContent Approved(string body = "# Brev\n\nKære {{ modtager.navn }}. Vi har modtaget din ansøgning.\n")
    {
        var hash = Load(Letter("juridisk_status: { status: afventer }", body)).Templates.Find(Slug)!.LegalStatus.CurrentHash;
        return Load(Letter($"juridisk_status:\n  status: godkendt\n  godkendt_af: Jette Jurist\n  godkendt_dato: 2026-11-20\n  godkendt_hash: {hash}", body));
    }

    private static LetterResult Generate(LoadedContent content) => s_kit.Generate(content.Templates, Slug, new Dictionary<string, object?>(), new DateOnly(2026, 11, 24));

    [Fact]
    public void Absent_IsPending_AndTheLetterIsADraftWithTheBanner()
    {
        var content = Load(Letter("tags: [test]"));
        var result = Generate(content);

        Assert.Equal(LegalState.Pending, content.Templates.Find(Slug)!.LegalStatus.Status);
        Assert.True(result.IsValid);
        Assert.False(result.IsFinal);
        Assert.Contains(LegalStatus.DraftBanner, result.Banner);
        Assert.Contains(LegalStatus.DraftBanner, LetterHtml.Compose(result));
    }

    [Fact]
    public void ApprovedWithTheCurrentHash_IsFinal_WithoutBanner()
    {
        var content = Approved();
        var status = content.Templates.Find(Slug)!.LegalStatus;
        var result = Generate(content);

        Assert.True(status.IsApproved);
        Assert.Equal("Jette Jurist", status.ApprovedBy);
        Assert.True(result.IsFinal, string.Join(" ", result.FinalBlockers));
        Assert.Null(result.Banner);
        Assert.DoesNotContain(LegalStatus.DraftBanner, LetterHtml.Compose(result));
    }

    [Fact]
    public void ApprovedThenTextChanged_Lapses_AndSaysSo()
    {
        var content = Approved();
        var hash = content.Templates.Find(Slug)!.LegalStatus.CurrentHash;
        var changed = Load(Letter($"juridisk_status:\n  status: godkendt\n  godkendt_af: Jette Jurist\n  godkendt_dato: 2026-11-20\n  godkendt_hash: {hash}",
            "# Brev\n\nKære {{ modtager.navn }}. Vi har ændret teksten.\n"));
        var status = changed.Templates.Find(Slug)!.LegalStatus;

        Assert.True(status.IsLapsed);
        Assert.False(Generate(changed).IsFinal);
        Assert.Contains(LegalStatus.LapsedText, Generate(changed).Banner);
        Assert.Contains(changed.Snapshot.Issues, i => i.File == Path && i.Message.Contains(LegalStatus.LapsedText));
    }

    [Fact]
    public void Unresolved_ShowsTheOpenQuestion()
    {
        var content = Load(Letter("juridisk_status:\n  status: uafklaret\n  spoergsmaal: Kan afgørelsen påklages?"));

        var result = Generate(content);

        Assert.False(result.IsFinal);
        Assert.Contains("Kan afgørelsen påklages?", result.Banner);
    }

    [Theory]
    [InlineData("juridisk_status: godkendt")]
    [InlineData("juridisk_status: { status: måske }")]
    [InlineData("juridisk_status: { status: godkendt, godkendt_af: Jette }")]
    [InlineData("juridisk_status: { status: uafklaret }")]
    public void Malformed_IsAContentError(string status)
    {
        var content = Load(Letter(status));

        Assert.Contains(content.Errors, i => i.File == Path && i.Message.Contains("juridisk_status") || i.File == Path && i.Message.Contains("godkendt") || i.File == Path && i.Message.Contains("spoergsmaal"));
    }

    [Fact]
    public void ApprovedTemplate_WithAnUnfilledPlaceholder_IsNotFinal()
    {
        var result = Generate(Approved("# Brev\n\nKære {{ modtager.navn }}. Telefontid: [udfyldes af kommunen].\n"));

        Assert.True(result.IsValid);
        Assert.False(result.IsFinal);
        Assert.Contains(result.FinalBlockers, b => b.Contains("[udfyldes"));
    }

    [Fact]
    public void NoShippedTemplate_IsApproved_AndEveryTemplateHasAStatus()
    {
        using var dir = TestContentDirectory.FromRepository();
        var content = s_kit.Load(dir.Path);

        Assert.All(content.Templates.Templates, t =>
        {
            Assert.False(t.LegalStatus.IsApproved, $"{t.Slug} er markeret godkendt, men ingen jurist har godkendt den.");
            Assert.True(t.Document.FrontMatter.GetNode(LegalStatus.Key) is not null, $"{t.Slug} mangler juridisk_status.");
        });
    }
}

/// <summary>The approval command writes the hash the portal checks, so the approved file gives a final letter.</summary>
public class LegalApprovalTests
{
    private static readonly LetterKit s_kit = new();

    [Theory]
    [InlineData("juridisk_status: { status: afventer }\n")]
    [InlineData("juridisk_status:\n  status: uafklaret\n  spoergsmaal: Hvad?\n")]
    [InlineData("")]
    public void Approve_WritesTheCurrentHash_AndTheTemplateGivesAFinalLetter(string status)
    {
        const string path = "skabeloner/breve/godkend-test.md";
        var text = $"---\ntitel: Godkend\ntype: brev\n{status}område: fælles\ntovholder: koordinator-boern\nrevideres: 2027-06-30\nmodtagere: kopi\n---\n# Brev\n\nKære {{{{ modtager.navn }}}}.\n";
        var approved = LegalApproval.Approve(text, path, "Jette Jurist", new DateOnly(2026, 12, 1));

        using var dir = LetterKit.FixtureContent();
        dir.Write(path, approved);
        var content = s_kit.Load(dir.Path);
        var template = content.Templates.Find("skabeloner/breve/godkend-test")!;

        Assert.True(template.LegalStatus.IsApproved);
        Assert.Equal("Jette Jurist", template.LegalStatus.ApprovedBy);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(approved, "juridisk_status"));
        Assert.True(s_kit.Generate(content.Templates, template.Slug, new Dictionary<string, object?>(), new DateOnly(2026, 11, 24)).IsFinal);
    }
}
