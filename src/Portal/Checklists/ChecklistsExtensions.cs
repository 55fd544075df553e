using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Checklists.Components;
using Portal.Components.Layout;
using Portal.Letters;
using Portal.Library;

namespace Portal.Checklists;

public static class ChecklistsExtensions
{
    public static WebApplicationBuilder AddChecklists(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChecklistOptions>().BindConfiguration(ChecklistOptions.Section)
            .Validate(o => o.RetentionDays is >= 1 and <= 365, "Checklists:RetentionDays skal være mellem 1 og 365 dage.")
            .Validate(o => o.CleanupIntervalMinutes is >= 1 and <= 1440, "Checklists:CleanupIntervalMinutes skal være mellem 1 og 1440.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ReferatTemplate), "Checklists:ReferatTemplate skal angive skabelonen til aftalereferatet.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ChecklistParser>();
        builder.Services.AddSingleton<ChecklistStore>();
        builder.Services.AddHostedService<ChecklistRetentionService>();
        builder.Services.TryAddScoped<LetterPrefill>();
        builder.Services.TryAddScoped<Portal.Components.TabDrafts>();
        DocumentActionRegistry.Add<UseChecklistAction>();
        NavigationRegistry.Add(new NavigationItem("/tjekliste", "Tjeklister i brug", MudBlazor.Icons.Material.Filled.Checklist, Order: 30));
        return builder;
    }
}
