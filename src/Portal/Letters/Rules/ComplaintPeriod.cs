using Portal.Content;

namespace Portal.Letters;

/// <summary>How the decision reaches the citizen: it decides the day the complaint period starts.</summary>
public enum DeliveryChannel
{
    DigitalPost,
    OrdinaryPost,
}

/// <summary>The complaint deadline and, in plain Danish, how it was computed (shown to the caseworker).</summary>
public sealed record ComplaintPeriod(DeliveryChannel Channel, DateOnly SendDate, DateOnly ReceivedDate, DateOnly Deadline, string Explanation);

/// <summary>
/// Klagefrist (retssikkerhedsloven § 67, stk. 1): 4 weeks from the day the citizen receives the decision.
/// Receipt as Ankestyrelsen assumes it (ast.dk "Klagefrister"; Justitsministeriets vejledning nr. 9533 af 26. juni 2018):
/// Digital Post the sending day, ordinary post 6 hverdage later. A deadline on a Saturday, Sunday or closing day
/// (the configured public holidays, Grundlovsdag, 24 and 31 December) moves to the next working day.
/// </summary>
public sealed class ComplaintDeadlineCalculator(ClosingCalendar calendar, int weeks)
{
    public const string ChannelField = "forsendelse";
    public const string DigitalPostOption = "Digital Post";
    public const string OrdinaryPostOption = "Almindelig post";
    public const int OrdinaryPostWorkingDays = 6;

    public static DeliveryChannel ParseChannel(object? value) =>
        value is string s && s.Trim().Equals(OrdinaryPostOption, StringComparison.OrdinalIgnoreCase) ? DeliveryChannel.OrdinaryPost : DeliveryChannel.DigitalPost;

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && calendar.ClosingDayName(date) is null;

    public ComplaintPeriod Compute(DateOnly sendDate, DeliveryChannel channel)
    {
        var received = sendDate;
        if (channel == DeliveryChannel.OrdinaryPost)
        {
            for (var counted = 0; counted < OrdinaryPostWorkingDays;)
            {
                received = received.AddDays(1);
                if (IsWorkingDay(received))
                {
                    counted++;
                }
            }
        }
        var nominal = received.AddDays(7 * weeks);
        var deadline = nominal;
        while (!IsWorkingDay(deadline))
        {
            deadline = deadline.AddDays(1);
        }

        var sent = $"{DanishFormat.Weekday(sendDate)} den {DanishFormat.Date(sendDate)}";
        var receipt = channel == DeliveryChannel.DigitalPost
            ? $"Sendes med Digital Post {sent}. Ankestyrelsen regner med, at borgeren får afgørelsen samme dag."
            : $"Sendes med almindelig post {sent}. Ankestyrelsen regner med, at borgeren får brevet {OrdinaryPostWorkingDays} hverdage senere: {Day(received)}.";
        var period = $"{weeks} uger efter modtagelsen er {Day(nominal)}.";
        var moved = deadline == nominal ? "" : $" Den dag er {Closed(nominal)}, så fristen flyttes til næste hverdag: {Day(deadline)}.";
        return new ComplaintPeriod(channel, sendDate, received, deadline, $"{receipt} {period}{moved} Klagefristen er {Day(deadline)}.");
    }

    private string Closed(DateOnly date) => calendar.ClosingDayName(date)?.ToLowerInvariant() ?? DanishFormat.Weekday(date);

    private static string Day(DateOnly date) => $"{DanishFormat.Weekday(date)} den {DanishFormat.Date(date)}";
}
