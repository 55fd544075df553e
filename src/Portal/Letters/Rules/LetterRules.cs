using Microsoft.Extensions.Options;
using Portal.Content;

namespace Portal.Letters;

/// <summary>A rule the letter breaks; shown beside the preview and returned by the API, never changing the letter.</summary>
public sealed record LetterWarning(string Code, string Message);

public sealed record RuleResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<LetterWarning> Warnings, ComplaintPeriod Complaint)
{
    public DateOnly ComplaintDeadline => Complaint.Deadline;
}

/// <summary>
/// The "regelmotor": the procedures' rules for letters in plain code. Refusals (afslag, delvis bevilling) need
/// the oral notice first and should not reach the citizen before a weekend or a closing day.
/// </summary>
public sealed class LetterRules(IOptions<LettersOptions> options)
{
    private readonly ClosingCalendar _calendar = new(options.Value.ClosingDays);

    public ClosingCalendar Calendar => _calendar;

    public ComplaintDeadlineCalculator Deadlines => new(_calendar, options.Value.ComplaintWeeks);

    /// <summary>The deadline when the decision is received on the send date (Digital Post).</summary>
    public DateOnly ComplaintDeadline(DateOnly sendDate) => Deadlines.Compute(sendDate, DeliveryChannel.DigitalPost).Deadline;

    public RuleResult Evaluate(TemplateDefinition template, FieldValues values, DateOnly sendDate)
    {
        var errors = new List<FieldError>();
        var warnings = new List<LetterWarning>();
        var refusal = template.RequiresOralNotice;

        if (refusal)
        {
            var oral = values[TemplateNames.OralNoticeField] as DateOnly?;
            if (oral is null && !values.Errors.Any(e => e.Field == TemplateNames.OralNoticeField))
            {
                errors.Add(new FieldError(TemplateNames.OralNoticeField,
                    "Et afslag skal gives mundtligt, før det sendes skriftligt. Angiv datoen for det mundtlige afslag."));
            }
            else if (oral > sendDate)
            {
                warnings.Add(new LetterWarning("mundtlig-efter-skriftlig",
                    $"Det mundtlige afslag ({DanishFormat.Date(oral.Value)}) ligger efter afsendelsesdatoen ({DanishFormat.Date(sendDate)}). Afslaget skal gives mundtligt før det skriftlige."));
            }
        }

        var sendText = $"{DanishFormat.Weekday(sendDate)} den {DanishFormat.Date(sendDate)}";
        if (_calendar.ClosingDayName(sendDate) is { } closed)
        {
            warnings.Add(new LetterWarning("lukkedag", $"Afsendelsesdatoen er {sendText}: {closed}, hvor kommunen har lukket. Vælg en hverdag."));
        }
        else if (sendDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            warnings.Add(new LetterWarning("weekend", $"Afsendelsesdatoen er {sendText}, en weekend, hvor kommunen har lukket. Vælg en hverdag."));
        }
        else if (refusal && sendDate.DayOfWeek == DayOfWeek.Friday)
        {
            warnings.Add(new LetterWarning("fredag",
                $"Afsendelsesdatoen er en fredag ({DanishFormat.Date(sendDate)}). Send ikke et afslag om fredagen: borgeren får det op til weekenden, hvor ingen kan svare på spørgsmål. Vælg mandag-torsdag."));
        }
        else if (refusal && _calendar.ClosingDayName(sendDate.AddDays(1)) is { } next)
        {
            warnings.Add(new LetterWarning("foer-helligdag",
                $"Afsendelsesdatoen er {sendText}, dagen før {next} ({DanishFormat.Date(sendDate.AddDays(1))}). Send ikke et afslag op til en helligdag, hvor borgeren ikke kan få svar på spørgsmål."));
        }

        if (template.Kind == TemplateKind.Decision && template.Field(ConsultationRule.Field) is not null)
        {
            ConsultationRule.Check(values, sendDate, errors, warnings);
        }

        var channel = ComplaintDeadlineCalculator.ParseChannel(values[ComplaintDeadlineCalculator.ChannelField]);
        return new RuleResult(errors, warnings, Deadlines.Compute(sendDate, channel));
    }
}
