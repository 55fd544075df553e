using Portal.Auth;
using Portal.Content;
using Portal.Governance;

namespace Portal.Tests.Governance;

public class ApprovalRulesTests
{
    private static readonly ApprovalOptions s_options = new() { RequiredTypes = ["arbejdsgang", "brev"] };

    public static UserProfile Coordinator(string id, string unit) => new(id, "Koordinator " + id, id + "@test.example", "", "", "", unit, [Roles.Coordinator]);

    public static readonly UserProfile Jurist = new("jurist", "Johanne Juul", "jurist@test.example", "", "", "", "Juridisk team", [Roles.Jurist]);

    private static ApprovalRequest Request(string type = "arbejdsgang", string area = "børn", string author = "anne") => new()
    {
        Slug = "arbejdsgange/x",
        Title = "X",
        DocumentType = type,
        Area = area,
        AuthorId = author,
        AuthorName = "Koordinator " + author,
        Status = ApprovalStatus.Pending,
    };

    [Fact]
    public void SelfApproval_IsRefused_EvenForAnAdministrator()
    {
        var admin = new UserProfile("anne", "Anne", "a@test.example", "", "", "", "", [Roles.Administrator]);

        Assert.Equal(ApprovalRules.SelfApproval, ApprovalRules.RefuseApproval(s_options, Request(), Coordinator("anne", "Børnehandicap")));
        Assert.Equal(ApprovalRules.SelfApproval, ApprovalRules.RefuseApproval(s_options, Request(), admin));
    }

    [Fact]
    public void SameName_DifferentId_IsAnotherPerson()
    {
        var namesake = new UserProfile("anne-2", "Koordinator anne", "b@test.example", "", "", "", "Børnehandicap", [Roles.Coordinator]);

        Assert.Null(ApprovalRules.RefuseApproval(s_options, Request(), namesake));
    }

    [Theory]
    [InlineData("Børnehandicap", "børn", true)]
    [InlineData("Voksenhandicap", "børn", false)]
    [InlineData("Voksenhandicap", "voksen", true)]
    [InlineData("Voksenhandicap", "fælles", true)]
    [InlineData("Digitalisering", "børn", true)]
    public void Coordinator_ApprovesTheirOwnArea(string unit, string area, bool allowed)
    {
        var refusal = ApprovalRules.RefuseApproval(s_options, Request(area: area), Coordinator("bo", unit));

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void Template_NeedsAJurist()
    {
        Assert.Equal(ApprovalRules.JuristOnly, ApprovalRules.RefuseApproval(s_options, Request(type: "brev"), Coordinator("bo", "Børnehandicap")));
        Assert.Null(ApprovalRules.RefuseApproval(s_options, Request(type: "brev"), Jurist));
    }

    [Fact]
    public void Caseworker_IsNeverAnApprover()
    {
        var caseworker = new UserProfile("sara", "Sara", "s@test.example", "", "", "", "Børnehandicap", [Roles.Caseworker]);

        Assert.False(ApprovalRules.CanApprove(s_options, caseworker, "arbejdsgang", Area.Children));
    }

    [Fact]
    public void Decided_CannotBeDecidedAgain()
    {
        var request = Request();
        request.Status = ApprovalStatus.Approved;

        Assert.Equal(ApprovalRules.NotPending, ApprovalRules.RefuseApproval(s_options, request, Jurist));
        Assert.Equal(ApprovalRules.NotPending, ApprovalRules.RefuseReturn(s_options, request, Jurist));
    }
}
