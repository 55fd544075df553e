using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Governance;

/// <summary>The statistics page's services: the record reader and one <see cref="IStatisticsSection"/> per figure.</summary>
public static class StatisticsExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section).PostConfigure(o => o.ApplyDefaults());
        services.AddSingleton<StatisticsSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatisticsSection, LettersPerTemplateSection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatisticsSection, DecisionsPerParagraphSection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatisticsSection, ReappraisalSection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatisticsSection, TransitionSection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatisticsSection, ReviewSection>());
        return services;
    }
}
