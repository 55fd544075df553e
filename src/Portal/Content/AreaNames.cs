namespace Portal.Content;

/// <summary>Maps område values between the Danish content vocabulary and <see cref="Area"/>.</summary>
public static class AreaNames
{
    public static bool TryParse(string? value, out Area area)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "børn" or "boern":
                area = Area.Children;
                return true;
            case "voksen" or "voksne":
                area = Area.Adults;
                return true;
            case "fælles" or "faelles":
                area = Area.Shared;
                return true;
            default:
                area = Area.Shared;
                return false;
        }
    }

    /// <summary>The value as written in front matter and used in URLs and the API.</summary>
    public static string Key(Area area) => area switch
    {
        Area.Children => "børn",
        Area.Adults => "voksen",
        _ => "fælles",
    };

    public static string Label(Area area) => area switch
    {
        Area.Children => "Børn",
        Area.Adults => "Voksne",
        _ => "Fælles",
    };
}

public static class ReviewStatusNames
{
    public static string Key(ReviewStatus status) => status switch
    {
        ReviewStatus.Overdue => "overskredet",
        ReviewStatus.DueSoon => "snart",
        _ => "gyldig",
    };

    public static string Label(ReviewStatus status) => status switch
    {
        ReviewStatus.Overdue => "Revision overskredet",
        ReviewStatus.DueSoon => "Revideres snart",
        _ => "Gyldig",
    };

    public static ReviewStatus Compute(DateOnly? reviewDate, DateOnly today, int soonDays)
    {
        if (reviewDate is not { } date || date < today)
        {
            return ReviewStatus.Overdue;
        }
        return date <= today.AddDays(soonDays) ? ReviewStatus.DueSoon : ReviewStatus.Valid;
    }
}
