using Portal.Content;

namespace Portal.Library;

/// <summary>Today's date and the review status rules, shared by pages so they agree with the API.</summary>
public sealed class LibraryClock(TimeProvider clock, ContentOptions options)
{
    public DateOnly Today => clock.Today();

    public int SoonDays => options.ReviewSoonDays;

    public ReviewStatus StatusOf(LibraryDocument document) => document.ReviewStatusOn(Today, SoonDays);
}
