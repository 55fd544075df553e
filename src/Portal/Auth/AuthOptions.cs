namespace Portal.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>"Demo" (Development only) or "Oidc".</summary>
    public string Mode { get; set; } = "Oidc";

    public OidcOptions Oidc { get; set; } = new();

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public List<DemoUser> DemoUsers { get; set; } = [];

    public bool IsDemo => string.Equals(Mode, "Demo", StringComparison.OrdinalIgnoreCase);
}

public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim carrying the portal role (Entra ID app roles: "roles").</summary>
    public string RoleClaim { get; set; } = "roles";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Role { get; set; } = Roles.Caseworker;
}

public sealed class DemoUser
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = Roles.Caseworker;
    public string Title { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PhoneHours { get; set; } = "";
    public string Unit { get; set; } = "";
}
