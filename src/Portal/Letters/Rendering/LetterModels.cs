namespace Portal.Letters;

/// <summary>Who a letter is addressed to.</summary>
public enum RecipientRole
{
    Citizen,
    CustodyHolder,
    Guardian,
    Representative,
}

public sealed record Recipient(string Name, RecipientRole Role, string Address)
{
    public string RoleLabel => RecipientRoles.Label(Role);
}

public static class RecipientRoles
{
    public static readonly RecipientRole[] All = [RecipientRole.Citizen, RecipientRole.CustodyHolder, RecipientRole.Guardian, RecipientRole.Representative];

    public static string Key(RecipientRole role) => role switch
    {
        RecipientRole.CustodyHolder => "forældremyndighedsindehaver",
        RecipientRole.Guardian => "værge",
        RecipientRole.Representative => "partsrepræsentant",
        _ => "borger",
    };

    public static string Label(RecipientRole role) => role switch
    {
        RecipientRole.CustodyHolder => "Forældremyndighedsindehaver",
        RecipientRole.Guardian => "Værge",
        RecipientRole.Representative => "Partsrepræsentant",
        _ => "Borger",
    };

    public static bool TryParse(string? value, out RecipientRole role)
    {
        role = Content.TextNormalizer.ToAscii(value?.Trim().ToLowerInvariant() ?? "") switch
        {
            "borger" or "citizen" => RecipientRole.Citizen,
            "foraeldremyndighedsindehaver" or "foraelder" or "custodyholder" => RecipientRole.CustodyHolder,
            "vaerge" or "guardian" => RecipientRole.Guardian,
            "partsrepraesentant" or "representative" => RecipientRole.Representative,
            _ => (RecipientRole)(-1),
        };
        return Enum.IsDefined(role);
    }
}

/// <summary>The signed-in caseworker as letters show them (sagsbehandler.*).</summary>
public sealed record Caseworker(string Name, string Title, string Phone, string Email, string PhoneHours)
{
    public static Caseworker From(Auth.UserProfile profile) => new(
        OrPlaceholder(profile.Name), OrPlaceholder(profile.Title), OrPlaceholder(profile.Phone), OrPlaceholder(profile.Email), OrPlaceholder(profile.PhoneHours));

    private static string OrPlaceholder(string value) => string.IsNullOrWhiteSpace(value) ? "[udfyldes]" : value;
}

/// <summary>What a caseworker asks for: field values, the send date and the recipients.</summary>
public sealed record LetterRequest(IReadOnlyDictionary<string, object?> Fields, DateOnly SendDate, IReadOnlyList<Recipient> Recipients);

/// <summary>The data every template gets without asking: caseworker, unit, municipality, dates.</summary>
public sealed record LetterContext(Caseworker Caseworker, Organisation Unit, Organisation Municipality, DateOnly SendDate, DateOnly ComplaintDeadline, ComplaintPeriod? Complaint = null);

/// <summary>One generated letter: to one recipient (with copies to others in "kopi" mode).</summary>
public sealed record RenderedLetter(Recipient? Recipient, IReadOnlyList<Recipient> CopyTo, string Markdown, string BodyHtml);
