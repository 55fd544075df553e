namespace Portal.Content;

/// <summary>
/// A document's identity is its path without case (ContentFileReader.SlugOf). When two files share one identity
/// (Tvaerfaglig-Koordination.md next to tvaerfaglig-koordination.md), the file that already is the document
/// keeps it and the newcomer is rejected with an error against the new file: a dropped-in file never takes over.
/// </summary>
public static class DocumentIdentity
{
    /// <summary>
    /// The file that is the document: the one whose bytes the database last imported (storedDiskHash), else the
    /// one spelt exactly as the identity (lower case), else the first by ordinal path; the others are rejected.
    /// </summary>
    public static (ContentFile Keeper, IReadOnlyList<ContentIssue> Rejections) Choose(IReadOnlyList<ContentFile> sameIdentity, string? storedDiskHash)
    {
        var ordered = sameIdentity.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToList();
        var keeper = ordered.FirstOrDefault(f => storedDiskHash is not null && f.DiskHash == storedDiskHash)
            ?? ordered.FirstOrDefault(f => string.Equals(f.FilePath.Replace('\\', '/'), f.Slug + ".md", StringComparison.Ordinal))
            ?? ordered[0];
        var rejections = ordered.Where(f => !ReferenceEquals(f, keeper)).Select(f => Rejection(f, keeper)).ToList();
        return (keeper, rejections);
    }

    private static ContentIssue Rejection(ContentFile rejected, ContentFile keeper) => new(rejected.FilePath, 0, IssueSeverity.Error,
        $"Filen er afvist: den har samme identitet ('{rejected.Slug}') som '{keeper.FilePath}', der fortsat er dokumentet. " +
        "Identiteten er stien uden forskel på store og små bogstaver. Omdøb eller slet den nye fil.");
}
