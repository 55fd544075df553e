namespace Portal.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>"Demo" (Development only) or "Oidc".</summary>
    public string Mode { get; set; } = "Oidc";

    public OidcOptions Oidc { get; set; } = new();

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public List<DemoUser> DemoUsers { get; set; } = [];

    public SessionOptions Sessions { get; set; } = new();

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

/// <summary>
/// One API key, stored as the SHA-256 of the key (hex). Rotation: give the new key its own entry with the same Name,
/// let both be valid while scripts move over, then remove the old one (or let its ExpiresAt pass).
/// </summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hex digits: <c>printf '%s' "$NOEGLE" | sha256sum</c>.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Plain-text keys are refused at start (kept only to give a clear message).</summary>
    public string? Key { get; set; }

    public string Role { get; set; } = Roles.Caseworker;

    /// <summary>After this moment the key is refused (optional).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
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
