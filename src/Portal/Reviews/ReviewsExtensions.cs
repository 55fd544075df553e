using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Layout;
using Portal.Content;
using Portal.Library;

namespace Portal.Reviews;

public static class ReviewsExtensions
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.DefaultIntervalMonths is > 0 and <= 60 && o.ReminderDaysBefore >= 0 && o.ReminderCheckInterval > TimeSpan.Zero,
                "Reviews: DefaultIntervalMonths skal være 1-60, ReminderDaysBefore mindst 0 og ReminderCheckInterval positiv.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => !o.Enabled || (o.Port is > 0 and < 65536 && o.FromAddress.Contains('@')),
                "Smtp: når Host er sat, skal Port være gyldig og FromAddress være en e-mailadresse.")
            .ValidateOnStart();
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddOptions<DemoReviewDateOptions>().BindConfiguration(DemoReviewDateOptions.Section);
        services.AddSingleton<DemoReviewDates>();
        services.AddSingleton<IDocumentAdjuster>(sp => sp.GetRequiredService<DemoReviewDates>());
        services.AddSingleton<ReviewService>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<RosterService>();
        services.AddHostedService<ReminderService>();

        DocumentActionRegistry.Add<Components.FeedbackAction>();
        NavigationRegistry.Add(new NavigationItem("/revision", "Revision", Icons.Material.Filled.FactCheck, Policies.Coordinator, 10));
        NavigationRegistry.Add(new NavigationItem("/tovholdere", "Tovholdere", Icons.Material.Filled.People, Policies.Administrator, 10));
        return builder;
    }

    public static WebApplication MapReviews(this WebApplication app)
    {
        app.MapReviewsApi();
        app.MapFeedbackForm();
        return app;
    }
}
