using System.Globalization;
using Portal.Content;

namespace Portal.Editing;

/// <summary>The starting text of a new document per type: the common format for procedures, a checklist, a letter, ...</summary>
public static class NewDocumentTemplates
{
    /// <summary>Types a coordinator can create, with the top folder they belong in.</summary>
    public static readonly IReadOnlyList<(string Type, string Label, string Root)> Types =
    [
        ("arbejdsgang", "Arbejdsgang (det fælles format)", "arbejdsgange"),
        ("tjekliste", "Tjekliste", "arbejdsgange"),
        ("tilbud", "Tilbud uden visitation", "arbejdsgange"),
        ("brev", "Brevskabelon", "skabeloner"),
        ("afgørelse", "Afgørelsesskabelon", "skabeloner"),
    ];

    public static bool IsKnown(string type) => Types.Any(t => t.Type == type);

    public static string RootOf(string type) => Types.First(t => t.Type == type).Root;

    public static string Text(string type, string title, string ownerKey, Area area, DateOnly reviewDate, DateOnly today)
    {
        var name = $"NewDocumentTemplates/{TextNormalizer.ToAscii(type)}.md";
        using var stream = typeof(NewDocumentTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Skabelonen for typen '{type}' mangler ({name}).");
        using var reader = new StreamReader(stream);
        return TextNormalizer.NormalizeNewlines(reader.ReadToEnd())
            .Replace("%%TITEL%%", FrontMatterEditor.Scalar(title.Trim()))
            .Replace("%%TOVHOLDER%%", FrontMatterEditor.Scalar(ownerKey))
            .Replace("%%OMRAADE%%", AreaNames.Key(area))
            .Replace("%%REVIDERES%%", reviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Replace("%%IDAG%%", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
