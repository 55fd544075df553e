using Microsoft.Extensions.Options;
using Portal.Content;

namespace Portal.Reviews;

/// <summary>One shipped document whose review date the demo install moves relative to today.</summary>
public sealed class DemoReviewDate
{
    public string Slug { get; set; } = "";

    /// <summary>The date in the shipped file; once the document is reviewed (a new date) the demo date no longer applies.</summary>
    public DateOnly From { get; set; }

    /// <summary>Days from today: negative is overdue, small positive is due soon.</summary>
    public int Days { get; set; }
}

public sealed class DemoReviewDateOptions
{
    public const string Section = "Demo";

    public List<DemoReviewDate> ReviewDates { get; set; } = [];
}

/// <summary>
/// The shipped content's real review dates lie months ahead, so a fresh demo install would show an empty review
/// dashboard. The demo configuration (appsettings.Development.json only) moves a few documents' dates relative to
/// today in the served snapshot; the files and stored versions keep their real dates, and "Markér som gennemgået"
/// writes a new date that ends the demo date.
/// </summary>
public sealed class DemoReviewDates(IOptions<DemoReviewDateOptions> options, TimeProvider clock) : IDocumentAdjuster
{
    private readonly Dictionary<string, DemoReviewDate> _bySlug = options.Value.ReviewDates
        .Where(d => d.Slug.Length > 0)
        .ToDictionary(d => d.Slug, StringComparer.OrdinalIgnoreCase);

    public bool IsEnabled => _bySlug.Count > 0;

    public LibraryDocument Adjust(LibraryDocument document) =>
        _bySlug.TryGetValue(document.Slug, out var demo) && demo.From == document.ReviewDate
            ? document with { ReviewDate = clock.Today().AddDays(demo.Days), HasDemoReviewDate = true }
            : document;
}
