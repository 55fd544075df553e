using System.Globalization;
using Portal.Content;

namespace Portal.Library;

/// <summary>The folder of tilbud uden visitation for one area, as handed out on paper (seed 001, activity 4-2).</summary>
public static class OfferHandout
{
    private static readonly StringComparer s_danish = StringComparer.Create(new CultureInfo("da-DK"), ignoreCase: true);

    public static List<LibraryDocument> For(LibrarySnapshot snapshot, Area area) =>
        snapshot.LibraryDocuments
            .Where(d => d.Type == DocumentTypes.Offer && (d.Area == area || d.Area == Area.Shared))
            .OrderBy(d => d.Title, s_danish)
            .ToList();
}
