using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Reviews;
using Portal.Tests.Editing;

namespace Portal.Tests.Reviews;

/// <summary>
/// The editing harness plus the review services, mailing through MailKit to a local SMTP server started
/// for the test. The clock is fixed and can be moved day by day.
/// </summary>
public sealed class ReviewHarness : IAsyncDisposable
{
    public const string Checklist = "arbejdsgange/01-opstart/tjekliste-moede";

    private ReviewHarness(EditingHarness editing, LocalSmtpServer smtp, SmtpOptions smtpOptions)
    {
        Editing = editing;
        Smtp = smtp;
        SmtpOptions = smtpOptions;
    }

    public EditingHarness Editing { get; }

    public LocalSmtpServer Smtp { get; }

    /// <summary>The live settings: a test may change the port or host between calls.</summary>
    public SmtpOptions SmtpOptions { get; }

    public ReviewService Reviews => Editing.Get<ReviewService>();

    public FeedbackService Feedback => Editing.Get<FeedbackService>();

    public ReminderJob Reminders => Editing.Get<ReminderJob>();

    public RosterService Roster => Editing.Get<RosterService>();

    public static async Task<ReviewHarness> StartAsync(ReviewOptions? reviewOptions = null, bool smtpEnabled = true)
    {
        var smtp = new LocalSmtpServer();
        var smtpOptions = new SmtpOptions
        {
            Host = smtpEnabled ? "127.0.0.1" : null,
            Port = smtp.Port,
            FromAddress = "portal@test.example",
            FromName = "Handicapportalen",
            TimeoutSeconds = 10,
            PortalUrl = "https://portal.test.example/",
        };
        var editing = await EditingHarness.CreateAsync(configure: services =>
        {
            services.AddSingleton(Options.Create(reviewOptions ?? new ReviewOptions()));
            services.AddSingleton(Options.Create(smtpOptions));
            services.AddSingleton<IMailSender, SmtpMailSender>();
            services.AddSingleton<ReviewService>();
            services.AddSingleton<FeedbackService>();
            services.AddSingleton<ReminderJob>();
            services.AddSingleton<RosterService>();
            services.AddSingleton<AuditQuery>();
        });
        return new ReviewHarness(editing, smtp, smtpOptions);
    }

    public void SetToday(int year, int month, int day) => Editing.Clock.Today = new DateOnly(year, month, day);

    public async ValueTask DisposeAsync()
    {
        await Editing.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
