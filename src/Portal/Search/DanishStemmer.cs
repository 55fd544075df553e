namespace Portal.Search;

/// <summary>
/// The Snowball Danish stemmer (from Lucene.Net.Analysis.Common) on normalised words: afslaget, afslagene → afslag.
/// Words are folded before stemming so the ASCII and the Danish spelling give the same stem.
/// </summary>
public static class DanishStemmer
{
    [ThreadStatic]
    private static Lucene.Net.Tartarus.Snowball.Ext.DanishStemmer? t_stemmer;

    public static string Stem(string normalizedWord)
    {
        if (normalizedWord.Length < 4 || char.IsDigit(normalizedWord[0]))
        {
            return normalizedWord;
        }
        var stemmer = t_stemmer ??= new Lucene.Net.Tartarus.Snowball.Ext.DanishStemmer();
        stemmer.SetCurrent(normalizedWord);
        stemmer.Stem();
        return stemmer.Current;
    }
}
