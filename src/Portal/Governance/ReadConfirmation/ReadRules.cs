using Portal.Auth;
using Portal.Content;

namespace Portal.Governance;

/// <summary>A person who may have to read a change: the portal's view of a user (claims or the reader directory).</summary>
public sealed record Reader(string Id, string Name, string Email, string Unit, IReadOnlyList<string> Roles)
{
    public static Reader From(UserProfile user) => new(user.Id, user.Name, user.Email, user.Unit, user.Roles);
}

/// <summary>What a user must do about a document's material changes.</summary>
public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,

    /// <summary>No material change of that version concerns the user.</summary>
    NotRequired,

    /// <summary>A newer material change has come since: that one is the one to read.</summary>
    Outdated,
}

/// <summary>The rules of read confirmation: who is in an audience, which version a reader must confirm, and whether they have.</summary>
public static class ReadRules
{
    /// <summary>The area a unit works in ("Børnehandicap" → børn), from Governance:Approval:UnitAreas; null when it has none.</summary>
    public static Area? AreaOf(string unit, IReadOnlyDictionary<string, string> unitAreas)
    {
        var match = unitAreas.FirstOrDefault(u => unit.StartsWith(u.Key, StringComparison.OrdinalIgnoreCase));
        return match.Value is not null && AreaNames.TryParse(match.Value, out var area) ? area : null;
    }

    public static bool Includes(ReadAudience audience, Reader reader, IReadOnlyDictionary<string, string> unitAreas) => audience.Kind switch
    {
        AudienceKind.AllCaseworkers => reader.Roles.Contains(Roles.Caseworker),
        AudienceKind.Role => reader.Roles.Contains(audience.Value),
        AudienceKind.Area => AreaNames.TryParse(audience.Value, out var area) && AreaOf(reader.Unit, unitAreas) == area,
        _ => false,
    };

    /// <summary>The newest material change of one document that concerns the reader: the one version they must confirm (or null).</summary>
    public static MaterialChange? Required(IEnumerable<MaterialChange> changes, Reader reader, IReadOnlyDictionary<string, string> unitAreas) =>
        changes.Where(c => Includes(c.Audience, reader, unitAreas)).MaxBy(c => c.VersionNumber);

    /// <summary>Confirmed when the reader has confirmed that version or a later one (a later text includes the change).</summary>
    public static bool HasConfirmed(MaterialChange required, IEnumerable<ReadReceipt> readersReceipts) =>
        readersReceipts.Any(r => r.VersionNumber >= required.VersionNumber);

    /// <summary>Whether a confirmation of <paramref name="version"/> should be stored, and why not.</summary>
    public static ConfirmOutcome Decide(IEnumerable<MaterialChange> changes, IEnumerable<ReadReceipt> readersReceipts, Reader reader,
        int version, IReadOnlyDictionary<string, string> unitAreas)
    {
        var required = Required(changes, reader, unitAreas);
        if (required is null || version > required.VersionNumber)
        {
            return ConfirmOutcome.NotRequired;
        }
        if (version < required.VersionNumber)
        {
            return changes.Any(c => c.VersionNumber == version) ? ConfirmOutcome.Outdated : ConfirmOutcome.NotRequired;
        }
        return HasConfirmed(required, readersReceipts) ? ConfirmOutcome.AlreadyConfirmed : ConfirmOutcome.Confirmed;
    }
}
