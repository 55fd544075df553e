namespace Portal.Auth;

/// <summary>Audit action names for security events (the audit page filters on them). Never carries secrets.</summary>
public static class SecurityAuditActions
{
    public const string SignIn = "log-ind";
    public const string SignOut = "log-ud";
    public const string SessionEnded = "afslut-session";
    public const string SignInFailed = "log-ind-fejlet";
    public const string SessionExpired = "session-udløbet";
    public const string ApiKeyRejected = "api-nøgle-afvist";
    public const string AccessDenied = "adgang-nægtet";
    public const string RateLimited = "for-mange-kald";
    public const string RoleChanged = "rolle-ændret";

    public static readonly string[] All = [SignIn, SignOut, SessionEnded, SignInFailed, SessionExpired, ApiKeyRejected, AccessDenied, RateLimited, RoleChanged];
}
