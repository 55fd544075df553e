using System.Globalization;
using System.Text;

namespace Portal.Content;

/// <summary>
/// Characters that XML 1.0 (and so Word) cannot hold and that never belong in case data: C0 controls other than
/// tab, line feed and carriage return (U+0000, U+0007, U+000B …), U+FFFE/U+FFFF and lone surrogates.
/// Case data with them is refused with a Danish message; output writers strip them as a last line of defence.
/// </summary>
public static class UnsafeCharacters
{
    /// <summary>The first unsafe character: its 0-based index and a Danish description (e.g. "styretegnet U+0007").</summary>
    public static (int Index, string Description)? FindFirst(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsUnsafe(c))
            {
                return (i, Describe(c));
            }
        }
        return null;
    }

    public static bool Contains(string? text) => FindFirst(text) is not null;

    /// <summary>A Danish sentence for a form or API error naming the field, or null when the text is safe.</summary>
    public static string? Problem(string label, string? text) => FindFirst(text) is { } hit
        ? $"'{label}' indeholder {hit.Description} (tegn nr. {hit.Index + 1}), som ikke kan stå i et brev. Fjern det – det kommer ofte med, når tekst kopieres fra et andet program."
        : null;

    /// <summary>The text without unsafe characters (surrogate pairs kept).</summary>
    public static string Strip(string text)
    {
        if (!Contains(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    private static string Describe(char c) => char.IsSurrogate(c)
        ? $"et ufuldstændigt tegn (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})"
        : $"et usynligt styretegn (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})";
}
