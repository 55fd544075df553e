namespace Portal.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Hosts besides the portal that may serve images (added to the CSP's img-src); the sanitiser reads Content:AllowedImageHosts.</summary>
    public string[] ExtraImageSources { get; set; } = [];

    /// <summary>HSTS max-age in days (Production only).</summary>
    public int HstsDays { get; set; } = 365;

    /// <summary>Redirect http to https in Production; off only behind a proxy that does it.</summary>
    public bool HttpsRedirection { get; set; } = true;
}
