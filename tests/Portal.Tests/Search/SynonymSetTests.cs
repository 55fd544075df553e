using Portal.Content;
using Portal.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public class SynonymSetTests
{
    [Fact]
    public void Match_Word_GivesTheOtherMembersAsStems()
    {
        var set = new SynonymSet([["rådgiver", "sagsbehandler"]]);

        var (length, others) = set.Match([DanishStemmer.Stem("raadgiver")], 0);

        Assert.Equal(1, length);
        Assert.Equal([DanishStemmer.Stem("sagsbehandler")], Assert.Single(others));
    }

    [Fact]
    public void Match_InflectedPhrase_MatchesLongestMember()
    {
        var set = new SynonymSet([["tabt arbejdsfortjeneste", "TAF"]]);
        var stems = SynonymSet.Analyze("tabte arbejdsfortjenesten");

        var (length, others) = set.Match(stems, 0);

        Assert.Equal(2, length);
        Assert.Equal(["taf"], Assert.Single(others));
    }

    [Fact]
    public void Load_ShippedFile_HasAtLeastTwentyGroupsAndNoProblems()
    {
        var issues = new List<ContentIssue>();

        var set = SynonymSet.Load(RepositoryPaths.Content, issues);

        Assert.Empty(issues);
        Assert.NotNull(set);
        Assert.True(set.Groups.Count >= 20, $"Kun {set.Groups.Count} grupper");
        Assert.Contains(set.Groups, g => g.Contains("værge") && g.Contains("partsrepræsentant"));
    }

    [Fact]
    public void Load_BrokenFile_ReportsInDanishAndReturnsNull()
    {
        using var content = TestContentDirectory.FromFixture();
        content.Write(SynonymSet.FileName, "grupper: [rådgiver, sagsbehandler\n");
        var issues = new List<ContentIssue>();

        var set = SynonymSet.Load(content.Path, issues);

        Assert.Null(set);
        Assert.Contains("YAML", Assert.Single(issues).Message);
    }

    [Fact]
    public void Load_Acronyms_BecomeGroupsWithTheirLongForms()
    {
        using var content = TestContentDirectory.FromFixture();
        content.Write(SynonymSet.FileName, "grupper:\n  - [rådgiver, sagsbehandler]\nforkortelser:\n  BPA: borgerstyret personlig assistance\n  UU: [ungdommens uddannelsesvejledning, uu-vejledningen]\n  XY:\n");
        var issues = new List<ContentIssue>();

        var set = SynonymSet.Load(content.Path, issues);

        Assert.NotNull(set);
        Assert.Contains(set.Groups, g => g.SequenceEqual(["BPA", "borgerstyret personlig assistance"]));
        Assert.Contains(set.Groups, g => g.SequenceEqual(["UU", "ungdommens uddannelsesvejledning", "uu-vejledningen"]));
        Assert.Contains("XY", Assert.Single(issues).Message);
        var (length, others) = set.Match(SynonymSet.Analyze("borgerstyret personlig assistance"), 0);
        Assert.Equal(3, length);
        Assert.Equal(["bpa"], Assert.Single(others));
    }

    [Fact]
    public void Load_ShippedFile_MapsBpaBothWays()
    {
        var set = SynonymSet.Load(RepositoryPaths.Content, [])!;

        Assert.Contains(set.Match(["bpa"], 0).Others, o => o.SequenceEqual(SynonymSet.Analyze("borgerstyret personlig assistance")));
    }

    [Fact]
    public void Load_MissingFile_GivesNoSynonyms()
    {
        using var content = TestContentDirectory.FromFixture();

        Assert.Same(SynonymSet.Empty, SynonymSet.Load(content.Path, []));
    }
}
