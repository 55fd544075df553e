using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Auth;

/// <summary>The signed-in user's name, roles and letter profile, read from claims.</summary>
public sealed record UserProfile(string Id, string Name, string Email, string Title, string Phone, string PhoneHours, string Unit, IReadOnlyList<string> Roles)
{
    public bool IsCoordinator => Roles.Contains(Auth.Roles.Coordinator) || Roles.Contains(Auth.Roles.Administrator);
    public bool IsAdministrator => Roles.Contains(Auth.Roles.Administrator);

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
