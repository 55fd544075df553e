using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// How much case data a letter takes: a maximum per field type (overridable with 'maks_længde' in the template's
/// front matter), per list and per recipient. Bounded input keeps every letter below the engine's output limit,
/// so a huge value is refused with a message naming the field instead of cutting the letter short.
/// </summary>
public static class FieldLimits
{
    public const int Text = 500;
    public const int LongText = 20_000;
    public const int ListItem = 1_000;
    public const int ListItems = 100;
    public const int RecipientName = 200;
    public const int RecipientAddress = 500;
    public const int Recipients = 20;

    /// <summary>The highest maks_længde a template may set.</summary>
    public const int Highest = 100_000;

    public static int DefaultFor(FieldType type) => type switch
    {
        FieldType.LongText => LongText,
        FieldType.List => ListItem,
        _ => Text,
    };

    /// <summary>A Danish error for a value that is too long or holds unsafe characters, or null.</summary>
    public static string? Check(string label, string value, int limit)
    {
        if (value.Length > limit)
        {
            return $"'{label}' er for lang: {value.Length.ToString("N0", DanishFormat.Culture)} tegn. Der må højst være {limit.ToString("N0", DanishFormat.Culture)} tegn.";
        }
        return UnsafeCharacters.Problem(label, value);
    }
}
