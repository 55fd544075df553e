using Portal.Editing;

namespace Portal.Governance;

/// <summary>A material change the user has still to confirm, for the start page.</summary>
public sealed record PendingRead(string Slug, string Title, int VersionNumber, DateTimeOffset MarkedAt, string AudienceLabel);

/// <summary>The user's side of a document's material change: what changed (against the previous published version) and whether they confirmed.</summary>
public sealed record DocumentReadState(string Slug, MaterialChange Change, int? PreviousVersion, IReadOnlyList<DiffLine> Diff, DateTimeOffset? ConfirmedAt)
{
    public bool Confirmed => ConfirmedAt is not null;
}

/// <summary>One reader of a document: the version they must confirm and when they did (null: not yet).</summary>
public sealed record ReaderStatus(Reader Reader, int RequiredVersion, DateTimeOffset? ConfirmedAt);

public sealed record UnitCoverage(string Unit, int Confirmed, int Total);

/// <summary>Who has and has not confirmed a document's material changes, per person and per unit.</summary>
public sealed record DocumentCoverage(string Slug, string Title, string OwnerName, MaterialChange Latest, IReadOnlyList<ReaderStatus> Readers)
{
    public int Confirmed => Readers.Count(r => r.ConfirmedAt is not null);

    public int Total => Readers.Count;

    public IEnumerable<ReaderStatus> Missing => Readers.Where(r => r.ConfirmedAt is null);

    public IReadOnlyList<UnitCoverage> Units => Readers
        .GroupBy(r => string.IsNullOrWhiteSpace(r.Reader.Unit) ? "Uden enhed" : r.Reader.Unit)
        .Select(g => new UnitCoverage(g.Key, g.Count(r => r.ConfirmedAt is not null), g.Count()))
        .OrderBy(u => u.Unit, StringComparer.Create(Content.DanishFormat.Culture, false)).ToList();
}

public sealed record ConfirmResult(ConfirmOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed;
}

/// <summary>Code: "sendt", "alle-har-laest", "ingen-mail" or "afvist" (not the tovholder or a coordinator).</summary>
public sealed record ReminderResult(bool Succeeded, int Sent, string Message, string Code)
{
    public bool Refused => Code == "afvist";

    /// <summary>The message for a code carried in the address after a form post.</summary>
    public static string? MessageFor(string? code, int sent) => code switch
    {
        "sendt" => $"Der er sendt {Content.DanishFormat.Count(sent, "påmindelse", "påmindelser")}.",
        "alle-har-laest" => "Alle, der skal læse ændringen, har bekræftet den. Der er ikke sendt påmindelser.",
        "ingen-mail" => "Portalen kan ikke sende mail, fordi der ikke er sat en mailserver op (Smtp). Der er ikke sendt påmindelser.",
        "fejl" => "Påmindelserne kunne ikke sendes. Prøv igen senere.",
        _ => null,
    };
}
