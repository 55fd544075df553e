using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>A template whose KLE subject is marked "verificeret: nej" is served, and Indholdsfejl shows it as a warning.</summary>
public class KleVerificationTests
{
    private const string Receipt = "skabeloner/breve/kvittering-test";
    private const string Verified = "kle: { emne: 27.00.00, navn: \"Social service i almindelighed\", handlingsfacet: G01 }";
    private const string Unverified = "kle: { emne: 27.00.00, navn: \"Social service i almindelighed\", handlingsfacet: G01, verificeret: nej }";
    private static readonly LetterKit s_kit = new();

    private static TestContentDirectory WithReceiptKle(string kle)
    {
        var dir = LetterKit.FixtureContent();
        var file = System.IO.Path.Combine(dir.Path, Receipt + ".md");
        var text = File.ReadAllText(file);
        Assert.Contains(Verified, text);
        File.WriteAllText(file, text.Replace(Verified, kle, StringComparison.Ordinal));
        return dir;
    }

    [Theory]
    [InlineData(Unverified, true)]
    [InlineData(Verified, false)]
    public void Template_UnverifiedKle_IsServedWithAWarning(string kle, bool warned)
    {
        using var dir = WithReceiptKle(kle);

        var content = s_kit.Load(dir.Path);

        Assert.NotNull(content.Templates.Find(Receipt)?.Kle);
        var warnings = content.Snapshot.Issues.Where(i => i.File.StartsWith(Receipt, StringComparison.Ordinal) && i.Message.Contains("ikke verificeret i KLE-online")).ToList();
        Assert.Equal(warned, warnings.Count == 1);
        Assert.All(warnings, w => Assert.Equal(IssueSeverity.Warning, w.Severity));
    }

    [Theory]
    [InlineData("form: { opgave: FORM-TEST-1, navn: \"Merudgifter (test)\", handlingsfacet: G01 }", "FORM-TEST-1", false)]
    [InlineData("form: { navn: \"Merudgifter (test)\" }", null, true)]
    public void Template_FormTask_IsReadForMeMo_OrWarnedWhenIncomplete(string form, string? task, bool warned)
    {
        using var dir = WithReceiptKle(Verified + "\n" + form);

        var content = s_kit.Load(dir.Path);

        Assert.Equal(task, content.Templates.Find(Receipt)?.Form?.TaskKey);
        Assert.Equal(warned, content.Snapshot.Issues.Any(i => i.File.StartsWith(Receipt, StringComparison.Ordinal) && i.Message.Contains("'form' skal have 'opgave'")));
    }

    [Fact]
    public async Task IndholdsfejlPage_ShowsTheUnverifiedKleWarning()
    {
        await using var factory = new PortalFactory(WithReceiptKle(Unverified));
        var client = await factory.SignInAsync("koordinator");

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/indholdsfejl", TestContext.Current.CancellationToken));

        Assert.Contains("KLE-emnet 27.00.00 (Social service i almindelighed) er ikke verificeret i KLE-online", page);
        Assert.Contains(Receipt, page);
    }

    [Fact]
    public void ShippedTemplates_EveryUnverifiedKleIsAWarning()
    {
        var files = Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.Root, "content", "skabeloner"), "*.md", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("kle:", StringComparison.Ordinal) && l.Contains("verificeret: nej", StringComparison.Ordinal)))
            .Select(f => System.IO.Path.GetRelativePath(System.IO.Path.Combine(RepositoryPaths.Root, "content"), f).Replace('\\', '/'))
            .ToHashSet();
        var content = s_kit.Load(System.IO.Path.Combine(RepositoryPaths.Root, "content"));

        var warned = content.Snapshot.Issues.Where(i => i.Message.Contains("ikke verificeret i KLE-online")).Select(i => i.File).ToHashSet();

        Assert.NotEmpty(files);
        Assert.Equal(files.Order(), warned.Order());
    }
}
