namespace Portal.Reviews;

/// <summary>The review cycle: how long a review lasts per document type, and when reminders go out.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    public int DefaultIntervalMonths { get; set; } = 12;

    /// <summary>Per document type ("tjekliste": 6); types not listed use the default.</summary>
    public Dictionary<string, int> IntervalMonthsByType { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first reminder goes out this many days before the review date.</summary>
    public int ReminderDaysBefore { get; set; } = 30;

    /// <summary>How often the reminder job looks for due documents.</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public int IntervalFor(string type) =>
        IntervalMonthsByType.TryGetValue(type, out var months) && months > 0 ? months : DefaultIntervalMonths;

    public DateOnly NextReviewDate(string type, DateOnly today) => today.AddMonths(IntervalFor(type));
}
