using Portal.Auth;
using Portal.Content;

namespace Portal.Governance;

/// <summary>Who may approve what: never the author, a jurist for templates, a coordinator for their own area.</summary>
public static class ApprovalRules
{
    public const string SelfApproval = "Du kan ikke godkende din egen ændring. En anden godkender skal se den (fire øjne).";
    public const string NotPending = "Ændringen er allerede behandlet.";
    public const string JuristOnly = "Skabeloner til afgørelser og breve godkendes af en jurist.";
    private const string NotApproverPrefix = "Du er ikke godkender for ";

    /// <summary>A refusal because of who asks (author, role or area), not because of the request's state.</summary>
    public static bool IsAboutTheUser(string message) =>
        message is SelfApproval or JuristOnly || message.StartsWith(NotApproverPrefix, StringComparison.Ordinal);

    public static bool Requires(ApprovalOptions options, string type) => options.RequiredTypes.Contains(type, StringComparer.OrdinalIgnoreCase);

    public static bool NeedsJurist(ApprovalOptions options, string type) => options.JuristTypes.Contains(type, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="user"/> has the approver role for a document of this type and area.</summary>
    public static bool CanApprove(ApprovalOptions options, UserProfile user, string type, Area area)
    {
        if (user.IsAdministrator || user.IsJurist)
        {
            return true;
        }
        if (NeedsJurist(options, type) || !user.IsCoordinator)
        {
            return false;
        }
        return area == Area.Shared || !options.UnitAreas.TryGetValue(user.Unit, out var unitArea)
            || (AreaNames.TryParse(unitArea, out var own) && own == area);
    }

    /// <summary>Why <paramref name="user"/> may not approve the request, or null.</summary>
    public static string? RefuseApproval(ApprovalOptions options, ApprovalRequest request, UserProfile user)
    {
        if (request.Status != ApprovalStatus.Pending)
        {
            return NotPending;
        }
        if (IsAuthor(request, user))
        {
            return SelfApproval;
        }
        return RefuseRole(options, request, user);
    }

    /// <summary>Sending back needs the same role; the author may take their own change back.</summary>
    public static string? RefuseReturn(ApprovalOptions options, ApprovalRequest request, UserProfile user) =>
        request.Status != ApprovalStatus.Pending ? NotPending : IsAuthor(request, user) ? null : RefuseRole(options, request, user);

    private static string? RefuseRole(ApprovalOptions options, ApprovalRequest request, UserProfile user)
    {
        AreaNames.TryParse(request.Area, out var area);
        if (CanApprove(options, user, request.DocumentType, area))
        {
            return null;
        }
        return NeedsJurist(options, request.DocumentType)
            ? JuristOnly
            : $"{NotApproverPrefix}{AreaNames.Label(area).ToLowerInvariant()}.";
    }

    // The id is the identity; a name alone could be shared by two people.
    private static bool IsAuthor(ApprovalRequest request, UserProfile user) =>
        string.IsNullOrEmpty(user.Id) || string.IsNullOrEmpty(request.AuthorId)
            ? string.Equals(request.AuthorName, user.Name, StringComparison.Ordinal)
            : string.Equals(request.AuthorId, user.Id, StringComparison.Ordinal);
}
