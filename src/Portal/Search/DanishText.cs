using System.Globalization;
using System.Text;

namespace Portal.Search;

/// <summary>A word in a text: its position and its normalised (lower-case, ASCII-folded) form.</summary>
public readonly record struct WordToken(int Start, int Length, string Word);

/// <summary>Tokenising and normalising Danish text so "Børnene", "boernene" and "BØRNENE" meet.</summary>
public static class DanishText
{
    /// <summary>Words longer than this are cut: nobody searches a 60-letter word, and it bounds the work per token.</summary>
    public const int MaxWordLength = 40;

    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "paa", "de", "med", "han", "af", "for", "ikke",
        "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu", "da", "fra", "du",
        "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev",
        "kunne", "ind", "naar", "vaere", "dog", "noget", "ville", "jo", "deres", "efter", "ned", "skulle", "denne", "end",
        "dette", "mit", "ogsaa", "under", "have", "dig", "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor",
        "mod", "disse", "hvis", "din", "nogle", "hos", "blive", "mange", "ad", "bliver", "hendes", "vaeret", "thi", "jer",
        "saadan", "kan", "fx", "jf", "evt", "mv", "ca", "bl", "a", "dvs", "ift", "mht", "hvordan", "hvornaar", "hvem",
    };

    public static bool IsStopWord(string normalizedWord) => s_stopWords.Contains(normalizedWord);

    /// <summary>Lower case with æ/ø/å written as ae/oe/aa and other accents removed, so both spellings match.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length + 4);
        foreach (var ch in word)
        {
            AppendFolded(sb, Lower(ch));
        }
        return sb.ToString();
    }

    public static string Normalize(string word) => Normalize(word.AsSpan());

    /// <summary>Normalises a whole text and tells, for each character of the result, where it came from.</summary>
    public static (string Text, int[] Origin) NormalizeWithOrigin(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var origin = new List<int>(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var before = sb.Length;
            AppendFolded(sb, Lower(text[i]));
            for (var j = before; j < sb.Length; j++)
            {
                origin.Add(i);
            }
        }
        return (sb.ToString(), origin.ToArray());
    }

    /// <summary>Receives each normalised word of a text without allocating it (for building the index).</summary>
    public delegate void WordHandler(ReadOnlySpan<char> word, int start, int length, bool folded);

    /// <summary>As <see cref="Tokenize"/>, but hands each word to the handler in a reused buffer.</summary>
    public static void ForEachWord(ReadOnlySpan<char> text, WordHandler handler)
    {
        // Room for the longest word plus the widest folding of its last letter (æ → ae, or a decomposed accent).
        Span<char> buffer = stackalloc char[MaxWordLength + 8];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var wordStart = i;
            var length = 0;
            var folded = false;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i)))
            {
                var ch = text[i];
                if (ch < 128)
                {
                    if (length < MaxWordLength && ch != '\'')
                    {
                        buffer[length++] = (char)(ch is >= 'A' and <= 'Z' ? ch + 32 : ch);
                    }
                }
                else
                {
                    // Danish letters and accents are folded in the same buffer: no string per word (a third of
                    // Danish words have æ, ø or å).
                    folded = true;
                    if (length < MaxWordLength && ch != '’')
                    {
                        length = AppendFolded(buffer, length, Lower(ch));
                    }
                }
                i++;
            }
            handler(buffer[..Math.Min(length, MaxWordLength)], wordStart, i - wordStart, folded);
        }
    }

    /// <summary>
    /// The text lower-cased and folded as <see cref="ForEachWord"/> folds the letters of its words, apostrophes left
    /// out, into <paramref name="into"/> (four times the text's length and 8 more). Every word
    /// <see cref="ForEachWord"/> hands out is then a substring of the result; returns the length written, or the
    /// buffer's length when the folded text did not fit (a rare letter folds to several).
    /// </summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        foreach (var ch in text)
        {
            if (length > into.Length - 8)
            {
                return into.Length;
            }
            if (ch < 128)
            {
                if (ch != '\'')
                {
                    into[length++] = (char)(ch is >= 'A' and <= 'Z' ? ch + 32 : ch);
                }
            }
            else if (char.IsLetterOrDigit(ch))
            {
                length = AppendFolded(into, length, Lower(ch));
            }
            else if (ch != '’')
            {
                // Dashes, quotes and bullets separate words as a space does; folding them asked ICU for each.
                into[length++] = ' ';
            }
        }
        return length;
    }

    private static int AppendFolded(Span<char> buffer, int length, char ch)
    {
        switch (ch)
        {
            case 'æ' or 'ä':
                buffer[length] = 'a';
                buffer[length + 1] = 'e';
                return length + 2;
            case 'ø' or 'ö':
                buffer[length] = 'o';
                buffer[length + 1] = 'e';
                return length + 2;
            case 'å':
                buffer[length] = 'a';
                buffer[length + 1] = 'a';
                return length + 2;
        }
        if (ch < 128)
        {
            buffer[length] = ch;
            return length + 1;
        }
        // é, ü, ñ ... in the Latin-1 range from a table: "resumé" and "idé" are common, and each slow folding
        // allocated a string and asked for a Unicode decomposition.
        var folded = ch < 256 ? s_latin1Folded[ch - 128] : FoldSlowly(ch);
        foreach (var c in folded)
        {
            if (length < buffer.Length)
            {
                buffer[length++] = c;
            }
        }
        return length;
    }

    /// <summary>Splits text into words of letters and digits; everything else separates words.</summary>
    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        var sb = new StringBuilder(32);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            sb.Clear();
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i)))
            {
                if (text[i] != '\'' && text[i] != '’' && sb.Length < MaxWordLength)
                {
                    AppendFolded(sb, Lower(text[i]));
                }
                i++;
            }
            tokens.Add(new WordToken(start, i - start, sb.ToString()));
        }
        return tokens;
    }

    // As char.ToLowerInvariant, with ASCII and Latin-1 (the Danish letters, é, ü ...) answered here: it asks ICU for
    // every letter beyond ASCII.
    internal static char Lower(char ch) => ch switch
    {
        < (char)128 => ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch,
        < (char)256 => s_latin1Lower[ch - 128],
        _ => char.ToLowerInvariant(ch),
    };

    // Both tables are filled from the slow paths they replace, so they cannot disagree with them.
    private static readonly char[] s_latin1Lower = Enumerable.Range(128, 128).Select(c => char.ToLowerInvariant((char)c)).ToArray();
    private static readonly string[] s_latin1Folded = Enumerable.Range(128, 128).Select(c => FoldSlowly((char)c)).ToArray();

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i) =>
        (text[i] == '\'' || text[i] == '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]);

    private static void AppendFolded(StringBuilder sb, char ch)
    {
        switch (ch)
        {
            case 'æ' or 'ä':
                sb.Append("ae");
                return;
            case 'ø' or 'ö':
                sb.Append("oe");
                return;
            case 'å':
                sb.Append("aa");
                return;
        }
        if (ch < 128)
        {
            sb.Append(ch);
            return;
        }
        sb.Append(ch < 256 ? s_latin1Folded[ch - 128] : FoldSlowly(ch));
    }

    // é, ü, ñ ...: drop the accent and keep the letter (æ, ø, å and ä, ö are folded before this).
    private static string FoldSlowly(char ch)
    {
        switch (ch)
        {
            case 'æ' or 'ä':
                return "ae";
            case 'ø' or 'ö':
                return "oe";
            case 'å':
                return "aa";
        }
        var sb = new StringBuilder(4);
        foreach (var c in ch.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
