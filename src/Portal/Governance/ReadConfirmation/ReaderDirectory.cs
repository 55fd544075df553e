using Microsoft.Extensions.Options;
using Portal.Auth;

namespace Portal.Governance;

/// <summary>A person who must read material changes, from Governance:ReadConfirmation:Readers (e.g. an export from the HR system).</summary>
public sealed class ReaderContact
{
    /// <summary>The user id the sign-in gives (the OIDC subject), so a confirmation finds its person.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = Roles.Caseworker;
    public string Unit { get; set; } = "";
}

public sealed class ReadConfirmationOptions
{
    public const string Section = "Governance:ReadConfirmation";

    public List<ReaderContact> Readers { get; set; } = [];
}

/// <summary>
/// The users the portal knows, who can be asked to read: the configured readers, plus the demo users when sign-in is the
/// demo. Sign-in sessions hold only ids and roles, so they cannot say who is missing from an area or where to send a reminder.
/// </summary>
public sealed class ReaderDirectory(IOptions<ReadConfirmationOptions> options, IOptions<AuthOptions> auth)
{
    public IReadOnlyList<Reader> All()
    {
        var readers = options.Value.Readers.Where(r => !string.IsNullOrWhiteSpace(r.Id))
            .Select(r => new Reader(r.Id, r.Name, r.Email, r.Unit, [r.Role]));
        if (auth.Value.IsDemo)
        {
            // The same id the demo sign-in puts in the cookie.
            readers = readers.Concat(auth.Value.DemoUsers.Select(u => Reader.From(new UserProfile(DemoSignIn.UserId(u), u.Name, u.Email, u.Title, "", "", u.Unit, [u.Role]))));
        }
        return readers.DistinctBy(r => r.Id).ToList();
    }

    public Reader? Find(string id) => All().FirstOrDefault(r => r.Id == id);
}
