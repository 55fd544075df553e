namespace Portal.Letters;

/// <summary>Letterhead, closing days and sandbox limits for letters (configuration section "Letters").</summary>
public sealed class LettersOptions
{
    public const string Section = "Letters";
    public const string Placeholder = "[udfyldes af kommunen]";

    public Organisation Municipality { get; set; } = new();

    public Organisation Unit { get; set; } = new();

    /// <summary>Days the office is closed: fixed dates (MM-dd) or days relative to Easter Sunday. Configured, not coded.</summary>
    public List<ClosingDay> ClosingDays { get; set; } = [];

    /// <summary>Weeks from the send date to the complaint deadline (retssikkerhedsloven § 67).</summary>
    public int ComplaintWeeks { get; set; } = 4;

    public int RenderTimeoutMilliseconds { get; set; } = 2000;

    public int LoopLimit { get; set; } = 5000;

    public int RecursiveLimit { get; set; } = 20;

    /// <summary>Characters a rendered letter may have; guards against runaway templates.</summary>
    public int OutputLimit { get; set; } = 500_000;
}

/// <summary>Kommune or enhed: the letterhead and contact details.</summary>
public sealed class Organisation
{
    public string Name { get; set; } = LettersOptions.Placeholder;
    public string Address { get; set; } = LettersOptions.Placeholder;
    public string Phone { get; set; } = LettersOptions.Placeholder;
    public string Email { get; set; } = LettersOptions.Placeholder;
    public string Web { get; set; } = LettersOptions.Placeholder;
}

/// <summary>A closing day: either Date ("12-24") or EasterOffset (days from Easter Sunday), valid in [FromYear, ToYear].</summary>
public sealed class ClosingDay
{
    public string Name { get; set; } = "";
    public string? Date { get; set; }
    public int? EasterOffset { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
}
