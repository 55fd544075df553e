namespace Portal.Search;

/// <summary>Addresses of the results page, so facets, suggestions and the quick search agree.</summary>
public static class SearchLinks
{
    public static string Results(string query, string? type, string? area)
    {
        var url = "/soeg?q=" + Uri.EscapeDataString(query);
        if (!string.IsNullOrEmpty(type))
        {
            url += "&type=" + Uri.EscapeDataString(type);
        }
        if (!string.IsNullOrEmpty(area))
        {
            url += "&omraade=" + Uri.EscapeDataString(area);
        }
        return url;
    }
}
