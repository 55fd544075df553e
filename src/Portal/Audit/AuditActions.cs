namespace Portal.Audit;

/// <summary>
/// Every action name the audit log stores, in one style: Danish, lower case, hyphenated verb phrases. The strings are
/// stored data: renaming one splits the log's history (filters by action find only new entries).
/// </summary>
public static class AuditActions
{
    public const string Create = "opret";
    public const string SaveDraft = "gem-kladde";
    public const string Publish = "udgiv";
    public const string Restore = "gendan";
    public const string Move = "flyt";
    public const string Review = "gennemgået";
    public const string ResolveConflict = "løs-konflikt";
    public const string ChangeOwner = "skift-tovholder";
    public const string RosterChange = "tovholderliste";
    public const string SubmitForApproval = "send-til-godkendelse";
    public const string Approve = "godkend";
    public const string ReturnForChanges = "send-tilbage";
    public const string RegisterLawChange = "registrer-lovændring";
    public const string MarkMaterialChange = "markér-væsentlig";
    public const string ConfirmRead = "bekræft-læst";
    public const string ReadReminder = "send-læsepåmindelse";

    /// <summary>Den Gode Overgang worked out milestones; details hold only how many cases, never a date or a name.</summary>
    public const string TransitionPlanned = "planlæg-overgang";

    /// <summary>A letter or decision generated from a template (was "letter-generated" before the names were unified).</summary>
    public const string LetterGenerated = "dan-brev";

    /// <summary>A final letter queued for Digital Post and the case file (outbox); details never hold the CPR number.</summary>
    public const string LetterQueued = "send-brev";
    public const string LetterDelivered = "lever-brev";
    public const string LetterDeliveryFailed = "levering-fejlet";
    public const string LetterRetried = "prøv-brev-igen";
    public const string LetterCancelled = "annullér-brev";
}
