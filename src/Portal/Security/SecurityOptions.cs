namespace Portal.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>HSTS max-age in days (Production only).</summary>
    public int HstsDays { get; set; } = 365;

    /// <summary>Redirect http to https in Production; off only behind a proxy that does it.</summary>
    public bool HttpsRedirection { get; set; } = true;
}
