using System.Text.RegularExpressions;
using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>"1 advarsler" never again: every count meets its noun in DanishFormat.Count.</summary>
public sealed partial class PluralisationTests
{
    // A hand-written singular/plural choice: `x == 1 ? "dokument" : "dokumenter"`, `== 1 ? "1 dag"`, `kolonne{(n == 1 ? "" : "r")}`.
    // (the plural starting with the singular, or a "1 ..." literal; pronouns like "det"/"dem" are not counts).
    [GeneratedRegex(@"==\s*1\s*\?\s*""([a-zæøå]+)""\s*:\s*""\1[a-zæøå]*""|==\s*1\s*\?\s*\$?""1 [a-zæøå]|==\s*1\s*\?\s*""""\s*:\s*""[a-zæøå]+""")]
    private static partial Regex HandWrittenPlural();

    // A number printed straight before a plural noun: "{items.Count} dokumenter", "@Warnings advarsler".
    [GeneratedRegex(@"(\{[A-Za-z_][\w.!()]*\}|@[A-Za-z_][\w.!()]*) (dokumenter|advarsler|filer|punkter|sager|brugere|versioner|konflikter|ændringer|felter|linjer|resultater|skabeloner|arbejdsgange|dage|måneder)\b")]
    private static partial Regex CountBeforePlural();

    [Theory]
    [InlineData(0, "0 advarsler")]
    [InlineData(1, "1 advarsel")]
    [InlineData(2, "2 advarsler")]
    [InlineData(1200, "1.200 advarsler")]
    public void Count_ChoosesTheNounByNumber(int count, string expected) =>
        Assert.Equal(expected, DanishFormat.Count(count, "advarsel", "advarsler"));

    [Fact]
    public void NoPageOrServiceChoosesItsOwnPlural()
    {
        var offenders = SourceFiles()
            .Where(f => f.Relative != "Content/DanishFormat.cs")
            .SelectMany(f => f.Lines.Select((line, i) => (f.Relative, Line: i + 1, Text: line)))
            .Where(l => !l.Text.Contains("Log", StringComparison.Ordinal)) // log templates are for IT, not people
            .Where(l => HandWrittenPlural().IsMatch(l.Text) || CountBeforePlural().IsMatch(l.Text))
            .Select(l => $"{l.Relative}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Brug DanishFormat.Count:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("var documents = items.Count == 1 ? \"1 dokument\" : $\"{items.Count} dokumenter\";")]
    [InlineData("<p>@_tree.Count dokumenter vises.</p>")]
    [InlineData("<MudChip>@Warnings advarsler</MudChip>")]
    [InlineData("@(Result.ErrorCount == 1 ? \"linje\" : \"linjer\") er ikke brugt")]
    [InlineData("$\"har kun {fields.Count} kolonne{(fields.Count == 1 ? \"\" : \"r\")}\"")]
    public void ThePatternsFindHandWrittenPlurals(string line) =>
        Assert.True(HandWrittenPlural().IsMatch(line) || CountBeforePlural().IsMatch(line));

    private static IEnumerable<(string Relative, string[] Lines)> SourceFiles()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "Portal");
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllLines(f)));
    }
}
