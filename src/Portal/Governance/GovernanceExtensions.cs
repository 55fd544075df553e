using MudBlazor;
using Portal.Auth;
using Portal.Components.Layout;
using Portal.Documents;

namespace Portal.Governance;

/// <summary>Governance: the document as of a date, approval before publishing (four eyes), law changes and read confirmation.</summary>
public static class GovernanceExtensions
{
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DocumentAsOf>();
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section);
        services.AddSingleton<IPublishGate, ApprovalGate>();
        services.AddSingleton<ApprovalMail>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<LawChangeService>();
        services.AddSingleton<LawChangeImport>();
        services.AddStatistics();
        services.AddOptions<ReadConfirmationOptions>().BindConfiguration(ReadConfirmationOptions.Section);
        services.AddSingleton<ReaderDirectory>();
        services.AddSingleton<ReadReminderMail>();
        services.AddSingleton<ReadConfirmationService>();
        services.AddSingleton<IReadConfirmationView>(sp => sp.GetRequiredService<ReadConfirmationService>());
        services.AddSingleton<IStatisticsSection, ReadCoverageSection>();
        services.AddSingleton<Performance.IReadingPageStamp, ReadConfirmationStamp>();
        services.AddSingleton<Performance.ISharedPageGate, ReadConfirmationGate>();
        NavigationRegistry.Add(new NavigationItem("/godkendelser", "Til godkendelse", Icons.Material.Filled.Approval, Policies.Approver, 15));
        NavigationRegistry.Add(new NavigationItem("/lovaendringer", "Lovændringer", Icons.Material.Filled.Gavel, Policies.Coordinator, 16));
        NavigationRegistry.Add(new NavigationItem("/statistik", "Statistik", Icons.Material.Filled.BarChart, Policies.Coordinator, 17));
        NavigationRegistry.Add(new NavigationItem(ReadConfirmationApi.PagePath, "Læsebekræftelser", Icons.Material.Filled.MarkEmailRead, Policies.Coordinator, 18));
        return builder;
    }

    public static WebApplication MapGovernance(this WebApplication app)
    {
        app.MapApprovalApi();
        app.MapLawChangeApi();
        app.MapStatisticsApi();
        app.MapReadConfirmationApi();
        return app;
    }
}
