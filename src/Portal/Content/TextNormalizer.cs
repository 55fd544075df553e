using System.Text;

namespace Portal.Content;

public static class TextNormalizer
{
    /// <summary>Folds Danish letters to their ASCII spellings: æ→ae, ø→oe, å→aa, é→e.</summary>
    public static string ToAscii(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            switch (c)
            {
                case 'æ': sb.Append("ae"); break;
                case 'Æ': sb.Append("Ae"); break;
                case 'ø': sb.Append("oe"); break;
                case 'Ø': sb.Append("Oe"); break;
                case 'å': sb.Append("aa"); break;
                case 'Å': sb.Append("Aa"); break;
                case 'é': sb.Append('e'); break;
                case 'É': sb.Append('E'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Normalises line endings to LF and removes a leading byte order mark.</summary>
    public static string NormalizeNewlines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }
}
