using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Components.Layout;
using Portal.Letters;

namespace Portal.Transition;

public static class TransitionExtensions
{
    public static WebApplicationBuilder AddTransition(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TransitionOptions>().BindConfiguration(TransitionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TransitionOptions>, TransitionOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TransitionOptions>>().Value);
        builder.Services.AddSingleton<TransitionRules>();
        builder.Services.AddScoped<TransitionUsage>();
        builder.Services.AddSingleton<MilestoneDescriber>();
        builder.Services.AddSingleton<MilestoneList>();
        builder.Services.AddSingleton<HandoverGuideSource>();
        builder.Services.AddSingleton<CitizenJourneySource>();
        builder.Services.TryAddScoped<LetterPrefill>();

        NavigationRegistry.Add(new NavigationItem("/overgang", "Den Gode Overgang", MudBlazor.Icons.Material.Filled.EventNote, Order: 40));
        NavigationRegistry.Add(new NavigationItem("/overgang/liste", "Overgang: liste over sager", MudBlazor.Icons.Material.Filled.ListAlt, Order: 41));
        NavigationRegistry.Add(new NavigationItem("/skift-af-sagsbehandler", "Skift af sagsbehandler", MudBlazor.Icons.Material.Filled.SwapHoriz, Order: 42));
        NavigationRegistry.Add(new NavigationItem("/sagsforloeb", "Sagsforløbet for borgere", MudBlazor.Icons.Material.Filled.Timeline, Order: 43));
        return builder;
    }
}
