using System.Diagnostics.CodeAnalysis;
using Portal.Auth;
using Portal.Content;

namespace Portal.Governance;

public enum AudienceKind
{
    AllCaseworkers,
    Area,
    Role,
}

/// <summary>Who must read a material change: all caseworkers, everyone in an area (børn/voksen), or everyone with a role.</summary>
public sealed record ReadAudience(AudienceKind Kind, string Value)
{
    public static readonly ReadAudience AllCaseworkers = new(AudienceKind.AllCaseworkers, "");

    /// <summary>The choices offered when publishing, in the order shown.</summary>
    public static readonly IReadOnlyList<ReadAudience> Choices =
    [
        AllCaseworkers,
        new(AudienceKind.Area, AreaNames.Key(Area.Children)),
        new(AudienceKind.Area, AreaNames.Key(Area.Adults)),
        new(AudienceKind.Role, Roles.Coordinator),
        new(AudienceKind.Role, Roles.Jurist),
    ];

    /// <summary>"alle", "område:børn", "rolle:jurist": the value of a form field or API property.</summary>
    public string Key => Kind switch
    {
        AudienceKind.Area => "område:" + Value,
        AudienceKind.Role => "rolle:" + Value,
        _ => "alle",
    };

    public string Label => Kind switch
    {
        AudienceKind.Area => AreaNames.TryParse(Value, out var area) && area == Area.Children ? "Alle på børneområdet" : "Alle på voksenområdet",
        AudienceKind.Role => $"Alle med rollen {Roles.Label(Value).ToLowerInvariant()}",
        _ => "Alle sagsbehandlere",
    };

    public const string UnknownKey = "Vælg, hvem der skal læse ændringen: \"alle\", \"område:børn\", \"område:voksen\", \"rolle:koordinator\" eller \"rolle:jurist\".";

    /// <summary>An absent key is a change that is not material (true, null); an unknown key is false.</summary>
    public static bool TryParseOptional(string? key, out ReadAudience? audience)
    {
        audience = null;
        return string.IsNullOrWhiteSpace(key) || TryParse(key, out audience);
    }

    public static bool TryParse(string? key, [NotNullWhen(true)] out ReadAudience? audience)
    {
        audience = Choices.FirstOrDefault(c => string.Equals(c.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
        return audience is not null;
    }
}
