using System.Text.Json;
using Portal.Audit;
using Portal.Auth;

namespace Portal.Transition;

/// <summary>
/// Counts cases worked out in the planner and the list for the statistics page: one audit entry with only the number
/// of cases. Never a date of birth, a name or a case number.
/// </summary>
public sealed class TransitionUsage(AuditLog audit, CurrentUser currentUser, ILogger<TransitionUsage> logger)
{
    public const string PlannerTarget = "overgang/planlægger";
    public const string ListTarget = "overgang/liste";

    public static string Details(int cases) => JsonSerializer.Serialize(new { cases });

    public async Task RecordAsync(string target, int cases)
    {
        if (cases <= 0)
        {
            return;
        }
        try
        {
            await audit.WriteAsync(await currentUser.GetAsync(), AuditActions.TransitionPlanned, target, Details(cases));
        }
        catch (Exception ex)
        {
            // A count the statistics miss must not stop a caseworker from seeing the milestones.
            logger.LogWarning(ex, "Brugen af Den Gode Overgang kunne ikke tælles");
        }
    }
}
