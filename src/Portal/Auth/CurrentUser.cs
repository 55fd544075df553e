using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Auth;

/// <summary>
/// The signed-in user: name, roles and letter profile, read from claims. The one user type: the name goes on
/// versions and letters, <see cref="AuditName"/> into the audit log.
/// </summary>
public sealed record UserProfile(string Id, string Name, string Email, string Title, string Phone, string PhoneHours, string Unit, IReadOnlyList<string> Roles)
{
    /// <summary>A user known only by id, name and e-mail (a change made by a script or a test).</summary>
    public UserProfile(string id, string name, string email)
        : this(id, name, email, "", "", "", "", [])
    {
    }

    /// <summary>Name and id, as every audit entry names its user: two people may share a name.</summary>
    public string AuditName => string.IsNullOrEmpty(Id) ? Name : $"{Name} ({Id})";

    public bool IsCoordinator => Roles.Contains(Auth.Roles.Coordinator) || Roles.Contains(Auth.Roles.Administrator);
    public bool IsAdministrator => Roles.Contains(Auth.Roles.Administrator);
    public bool IsJurist => Roles.Contains(Auth.Roles.Jurist);

    public static UserProfile From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub") ?? "",
        principal.Identity?.Name ?? principal.FindFirstValue("name") ?? "Ukendt bruger",
        principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username") ?? "",
        principal.FindFirstValue(ProfileClaims.Title) ?? principal.FindFirstValue("jobTitle") ?? "",
        principal.FindFirstValue(ProfileClaims.Phone) ?? "",
        principal.FindFirstValue(ProfileClaims.PhoneHours) ?? "",
        principal.FindFirstValue(ProfileClaims.Unit) ?? "",
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList());
}

/// <summary>Resolves the profile in components (from the circuit's authentication state).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState)
{
    public async Task<UserProfile> GetAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return UserProfile.From(state.User);
    }
}
