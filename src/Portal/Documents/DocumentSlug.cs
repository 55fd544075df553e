using System.Text.RegularExpressions;

namespace Portal.Documents;

/// <summary>
/// What a document address (its path under content/ without ".md") may be. Checked before anything is written,
/// so a move or a new document that the file system would refuse never gets as far as deleting the old file.
/// </summary>
public static partial class DocumentSlug
{
    /// <summary>The whole address; the file system and most URL tooling are comfortable well below this.</summary>
    public const int MaxLength = 200;

    /// <summary>One folder or file name; with ".md" it stays far below the 255-byte file-name limit.</summary>
    public const int MaxSegmentLength = 80;

    // Names Windows cannot hold as files: content/ is a Git folder coordinators may check out on their own PCs.
    private static readonly HashSet<string> s_reserved =
        ["con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
         "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"];

    [GeneratedRegex("^(arbejdsgange|skabeloner)(/[a-z0-9][a-z0-9-]*)+$")]
    public static partial Regex Pattern();

    /// <summary>A Danish sentence saying what is wrong with the address, or null when it can be used.</summary>
    public static string? Problem(string slug)
    {
        if (!Pattern().IsMatch(slug))
        {
            return "Adressen må kun have små bogstaver a-z, tal, bindestreger og skråstreger og skal begynde med arbejdsgange/ eller skabeloner/.";
        }
        if (slug.Length > MaxLength)
        {
            return $"Adressen er {slug.Length} tegn lang. Den må højst være {MaxLength} tegn.";
        }
        foreach (var segment in slug.Split('/'))
        {
            if (segment.Length > MaxSegmentLength)
            {
                return $"Navnet '{segment[..20]}…' er {segment.Length} tegn langt. Hvert navn i adressen må højst være {MaxSegmentLength} tegn.";
            }
            if (s_reserved.Contains(segment))
            {
                return $"'{segment}' kan ikke bruges som navn i adressen (det er et reserveret filnavn).";
            }
        }
        return null;
    }
}
