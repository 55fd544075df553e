using Portal.Content;
using Portal.Search;

namespace Portal.Tests.Search;

public class DanishAnalysisTests
{
    [Theory]
    [InlineData("afslag", "afslaget")]
    [InlineData("afslag", "afslagene")]
    [InlineData("overgang", "overgangen")]
    [InlineData("overgang", "overgange")]
    [InlineData("ansøgning", "ansøgningerne")]
    public void Stem_Inflections_MeetInOneStem(string word, string inflected)
    {
        Assert.Equal(DanishStemmer.Stem(DanishText.Normalize(word)), DanishStemmer.Stem(DanishText.Normalize(inflected)));
    }

    [Fact]
    public void Stem_DifferentWords_StayApart()
    {
        Assert.NotEqual(DanishStemmer.Stem("afslag"), DanishStemmer.Stem("bevilling"));
    }

    [Theory]
    [InlineData("Børnefaglig", "boernefaglig")]
    [InlineData("PARTSHØRING", "partshoering")]
    [InlineData("Åben rådgivning", "aaben raadgivning")]
    [InlineData("Væresteder", "vaeresteder")]
    [InlineData("Resumé", "resume")]
    public void Normalize_FoldsDanishLettersToAscii(string text, string expected)
    {
        Assert.Equal(expected, DanishText.Normalize(text));
    }

    [Fact]
    public void Stem_AsciiAndDanishSpelling_GiveSameStem()
    {
        Assert.Equal(DanishStemmer.Stem(DanishText.Normalize("børnene")), DanishStemmer.Stem(DanishText.Normalize("boernene")));
    }

    [Fact]
    public void Tokenize_SplitsOnPunctuationAndKeepsPositions()
    {
        var tokens = DanishText.Tokenize("Afslag (mundtligt) – før weekend!");

        Assert.Equal(["afslag", "mundtligt", "foer", "weekend"], tokens.Select(t => t.Word));
        Assert.Equal("før", "Afslag (mundtligt) – før weekend!".Substring(tokens[2].Start, tokens[2].Length));
    }

    [Theory]
    [InlineData("overgangsresume", "overgang", "resume")]
    [InlineData("arbejdsgangsbeskrivelse", "arbejdsgang", "beskrivelse")]
    [InlineData("boernefamilier", "boern", "familier")]
    public void Decompounder_SplitsOnLinkingLetters(string compound, string left, string right)
    {
        var known = new Dictionary<string, int> { ["overgang"] = 5, ["resume"] = 2, ["arbejdsgang"] = 3, ["arbejde"] = 4, ["arbejd"] = 4, ["gang"] = 3, ["beskrivelse"] = 2, ["boern"] = 9, ["familier"] = 2 };

        var parts = new Decompounder(known).Split(compound);

        Assert.Contains(left, parts);
        Assert.Contains(right, parts);
    }

    [Fact]
    public void Decompounder_UnknownParts_DoesNotSplit()
    {
        var known = new Dictionary<string, int> { ["for"] = 50, ["overgang"] = 5 };

        Assert.Empty(new Decompounder(known).Split("foraeldre"));
    }

    [Theory]
    [InlineData("merudgifter", "merudgifer", 1)]
    [InlineData("stamkort", "stamkrot", 1)]
    [InlineData("klagevejledning", "klagevejlednig", 1)]
    [InlineData("afslag", "bevilling", 2)]
    public void EditDistance_CountsTyposIncludingSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Min(EditDistance.Bounded(a, b, 2), 2));
    }
}
