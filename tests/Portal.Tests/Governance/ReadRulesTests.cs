using Portal.Auth;
using Portal.Governance;

namespace Portal.Tests.Governance;

public class ReadRulesTests
{
    private static readonly Dictionary<string, string> s_unitAreas = new ApprovalOptions().UnitAreas;

    private static readonly Reader Sara = new("demo:sara", "Sara", "sara@test.example", "Børnehandicap", [Roles.Caseworker]);
    private static readonly Reader Mads = new("demo:mads", "Mads", "mads@test.example", "Voksenhandicap (Velfærdsrådgivningen)", [Roles.Caseworker]);
    private static readonly Reader Anne = new("demo:anne", "Anne", "anne@test.example", "Børnehandicap", [Roles.Coordinator]);
    private static readonly Reader Johanne = new("demo:jurist", "Johanne", "jurist@test.example", "Juridisk team", [Roles.Jurist]);

    private static MaterialChange Change(int version, string audienceKey = "alle")
    {
        Assert.True(ReadAudience.TryParse(audienceKey, out var audience));
        return new MaterialChange { DocumentId = 1, VersionNumber = version, AudienceKind = audience.Kind, AudienceValue = audience.Value, MarkedById = "demo:anne" };
    }

    private static ReadReceipt Receipt(Reader reader, int version) => new() { DocumentId = 1, UserId = reader.Id, VersionNumber = version };

    [Fact]
    public void AllCaseworkers_AreThoseWithTheCaseworkerRole()
    {
        Assert.True(ReadRules.Includes(ReadAudience.AllCaseworkers, Sara, s_unitAreas));
        Assert.True(ReadRules.Includes(ReadAudience.AllCaseworkers, Mads, s_unitAreas));
        Assert.False(ReadRules.Includes(ReadAudience.AllCaseworkers, Anne, s_unitAreas));
        Assert.False(ReadRules.Includes(ReadAudience.AllCaseworkers, Johanne, s_unitAreas));
    }

    [Fact]
    public void Area_IsResolvedFromTheUnit_WhateverTheRole()
    {
        Assert.True(ReadAudience.TryParse("område:børn", out var children));
        Assert.True(ReadAudience.TryParse("område:voksen", out var adults));

        Assert.Equal([Sara, Anne], new[] { Sara, Mads, Anne, Johanne }.Where(r => ReadRules.Includes(children, r, s_unitAreas)));
        Assert.Equal([Mads], new[] { Sara, Mads, Anne, Johanne }.Where(r => ReadRules.Includes(adults, r, s_unitAreas)));
    }

    [Fact]
    public void Role_IncludesOnlyThatRole()
    {
        Assert.True(ReadAudience.TryParse("rolle:jurist", out var jurists));

        Assert.Equal([Johanne], new[] { Sara, Mads, Anne, Johanne }.Where(r => ReadRules.Includes(jurists, r, s_unitAreas)));
    }

    [Fact]
    public void Audience_UnknownKey_IsRefused_AndNoKeyMeansNotMaterial()
    {
        Assert.False(ReadAudience.TryParse("område:fælles", out _));
        Assert.False(ReadAudience.TryParseOptional("alle-borgere", out _));
        Assert.True(ReadAudience.TryParseOptional(null, out var none));
        Assert.Null(none);
        Assert.All(ReadAudience.Choices, c => Assert.True(ReadAudience.TryParse(c.Key, out var back) && back == c));
    }

    [Fact]
    public void Confirm_IsStoredOncePerVersion()
    {
        var changes = new[] { Change(2) };

        Assert.Equal(ConfirmOutcome.Confirmed, ReadRules.Decide(changes, [], Sara, 2, s_unitAreas));
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, ReadRules.Decide(changes, [Receipt(Sara, 2)], Sara, 2, s_unitAreas));
    }

    [Fact]
    public void NewerMaterialChange_NeedsANewConfirmation_AndTheOldOneIsOutdated()
    {
        var changes = new[] { Change(2), Change(5) };
        var receipts = new[] { Receipt(Sara, 2) };

        Assert.Equal(5, ReadRules.Required(changes, Sara, s_unitAreas)!.VersionNumber);
        Assert.False(ReadRules.HasConfirmed(ReadRules.Required(changes, Sara, s_unitAreas)!, receipts));
        Assert.Equal(ConfirmOutcome.Outdated, ReadRules.Decide(changes, receipts, Sara, 2, s_unitAreas));
        Assert.Equal(ConfirmOutcome.Confirmed, ReadRules.Decide(changes, receipts, Sara, 5, s_unitAreas));
    }

    [Fact]
    public void NonMaterialChange_NeedsNoConfirmation()
    {
        var changes = new[] { Change(2) };
        var receipts = new[] { Receipt(Sara, 2) };

        // Version 3 was published without "væsentlig": nothing new to confirm, and version 3 itself cannot be confirmed.
        Assert.True(ReadRules.HasConfirmed(ReadRules.Required(changes, Sara, s_unitAreas)!, receipts));
        Assert.Equal(ConfirmOutcome.NotRequired, ReadRules.Decide(changes, receipts, Sara, 3, s_unitAreas));
    }

    [Fact]
    public void ChangeForAnotherAudience_IsNotRequired_AndAReaderOutsideANewerAudienceKeepsTheOlderOne()
    {
        var changes = new[] { Change(2, "område:børn"), Change(4, "område:voksen") };

        Assert.Equal(2, ReadRules.Required(changes, Sara, s_unitAreas)!.VersionNumber);
        Assert.Equal(4, ReadRules.Required(changes, Mads, s_unitAreas)!.VersionNumber);
        Assert.Null(ReadRules.Required(changes, Johanne, s_unitAreas));
        Assert.Equal(ConfirmOutcome.NotRequired, ReadRules.Decide(changes, [], Johanne, 2, s_unitAreas));
    }
}
