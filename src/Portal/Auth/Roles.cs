namespace Portal.Auth;

/// <summary>The portal's roles as they appear in role claims.</summary>
public static class Roles
{
    public const string Caseworker = "sagsbehandler";
    public const string Coordinator = "koordinator";
    public const string Administrator = "administrator";

    /// <summary>A lawyer who approves templates and changes before they are published (four eyes); reads like a caseworker.</summary>
    public const string Jurist = "jurist";

    public static readonly string[] All = [Caseworker, Coordinator, Administrator, Jurist];

    public static string Label(string role) => role switch
    {
        Caseworker => "Sagsbehandler",
        Coordinator => "Koordinator",
        Administrator => "Administrator",
        Jurist => "Jurist",
        _ => role,
    };
}

/// <summary>Authorization policies: each role includes the rights of the ones below it.</summary>
public static class Policies
{
    public const string Caseworker = "Sagsbehandler";
    public const string Coordinator = "Koordinator";
    public const string Administrator = "Administrator";

    /// <summary>May approve changes sent "til godkendelse": coordinators, administrators and jurists (area rules on top).</summary>
    public const string Approver = "Godkender";
}

/// <summary>Claim types for the caseworker's profile, used in letters.</summary>
public static class ProfileClaims
{
    public const string Title = "titel";
    public const string Phone = "telefon";
    public const string PhoneHours = "telefontid";
    public const string Unit = "enhed";
}
