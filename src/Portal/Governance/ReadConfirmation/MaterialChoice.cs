namespace Portal.Governance;

/// <summary>The author's choice when publishing: is the change material, and who must read it.</summary>
public sealed class MaterialChoice
{
    public bool IsMaterial { get; set; }

    public string AudienceKey { get; set; } = ReadAudience.AllCaseworkers.Key;

    /// <summary>The audience to store with the version, or null for a change that needs no read confirmation.</summary>
    public ReadAudience? Audience => IsMaterial && ReadAudience.TryParse(AudienceKey, out var audience) ? audience : null;

    public void Reset() => (IsMaterial, AudienceKey) = (false, ReadAudience.AllCaseworkers.Key);
}
