namespace Portal.Governance;

/// <summary>A person mailed when a change is sent for approval (section Governance:Approval:Approvers).</summary>
public sealed class ApproverContact
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>"jurist" or "koordinator".</summary>
    public string Role { get; set; } = Auth.Roles.Coordinator;

    /// <summary>"børn", "voksen" or empty for every area.</summary>
    public string Area { get; set; } = "";
}

/// <summary>Which document types need a second person's approval before they are published (section Governance:Approval).</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Governance:Approval";

    /// <summary>Types (front matter 'type') whose changes must be approved before publishing.</summary>
    public string[] RequiredTypes { get; set; } = [];

    /// <summary>Types only a jurist approves; approving one records juridisk_status: godkendt.</summary>
    public string[] JuristTypes { get; set; } = ["afgørelse", "brev"];

    /// <summary>A coordinator's unit → the area they approve ("børn"/"voksen"); a coordinator of another unit approves every area.</summary>
    public Dictionary<string, string> UnitAreas { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Børnehandicap"] = "børn",
        ["Voksenhandicap"] = "voksen",
    };

    public List<ApproverContact> Approvers { get; set; } = [];
}
