using Portal.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The index's tokeniser (a reused buffer) finds the same words, folded the same way, as <see cref="DanishText.Tokenize"/>.</summary>
public class DanishWordsTests
{
    private static List<(int Start, int Length, string Word, bool Folded)> Words(string text)
    {
        var words = new List<(int, int, string, bool)>();
        DanishText.ForEachWord(text, (word, start, length, folded) => words.Add((start, length, word.ToString(), folded)));
        return words;
    }

    private static void AssertSameAsTokenize(string text)
    {
        var expected = DanishText.Tokenize(text)
            .Select(t => (t.Start, t.Length, t.Word.Length > DanishText.MaxWordLength ? t.Word[..DanishText.MaxWordLength] : t.Word))
            .ToList();
        Assert.Equal(expected, Words(text).Select(w => (w.Start, w.Length, w.Word)).ToList());
    }

    [Theory]
    [InlineData("Børnene får hjælp på skolen")]
    [InlineData("BØRNENE Ærø Åbenrå ÆØÅ")]
    [InlineData("Café naïve São Müller Öl Ärger")]
    [InlineData("barnets' forældre’s rådgiver")]
    [InlineData("merudgiftsydelsesansøgningsbehandlingsprocedurerne og æææææææææææææææææææææææææææææææææææææææææææ")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaæ slut")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa æ")]
    [InlineData("SEL § 41, BL §86 og 2.000 kr.")]
    [InlineData("\u212Aelvin (Kelvin-tegn) og e\u0301 (kombineret accent)")]
    [InlineData("")]
    public void Words_AreTheTokenisersWords(string text) => AssertSameAsTokenize(text);

    [Fact]
    public void Words_OfTheWholeShippedLibrary_AreTheTokenisersWords()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 50);
        foreach (var file in files)
        {
            AssertSameAsTokenize(File.ReadAllText(file));
        }
    }

    [Fact]
    public void Words_WithDanishLetters_AreMarkedFolded_PlainOnesAreNot()
    {
        var words = Words("Børn og unge");

        Assert.Equal([("boern", true), ("og", false), ("unge", false)], words.Select(w => (w.Word, w.Folded)));
    }

    [Fact]
    public void Normalize_OfEveryLetterBeyondAscii_LowersThenDropsTheAccent_AsTheUnicodeDecomposition()
    {
        // The reference is the slow rule the Latin-1 table stands in for: lower case, æ/ø/å (and ä/ö) spelt out,
        // otherwise the letter of the canonical decomposition without its combining marks.
        static string Reference(char c)
        {
            var lower = char.ToLowerInvariant(c);
            return lower switch
            {
                'æ' or 'ä' => "ae",
                'ø' or 'ö' => "oe",
                'å' => "aa",
                _ => string.Concat(lower.ToString().Normalize(System.Text.NormalizationForm.FormD)
                    .Where(d => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(d) != System.Globalization.UnicodeCategory.NonSpacingMark)),
            };
        }
        for (var c = (char)128; c < 0x0250; c++)
        {
            if (char.IsLetter(c))
            {
                Assert.Equal(Reference(c), DanishText.Normalize(c.ToString()));
                Assert.Equal([Reference(c)], Words("x" + c).Select(w => w.Word[1..]));
            }
        }
        Assert.Equal("resume ide cafe", string.Join(' ', Words("Resumé IDÉ café").Select(w => w.Word)));
    }

    [Fact]
    public void Lower_IsToLowerInvariant_ForEveryCharacter()
    {
        for (var c = char.MinValue; ; c++)
        {
            Assert.Equal(char.ToLowerInvariant(c), DanishText.Lower(c));
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }
}
