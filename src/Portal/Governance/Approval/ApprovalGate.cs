using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Documents;

namespace Portal.Governance;

/// <summary>Holds back a direct publish (editor or restore) of a type that needs approval; files from content/ and approvals pass.</summary>
public sealed class ApprovalGate(IOptions<ApprovalOptions> options) : IPublishGate
{
    public string? RefusePublish(LibraryDocument document, DocumentChange change) =>
        change.Source is VersionSource.Editor or VersionSource.Restore && ApprovalRules.Requires(options.Value, document.Type)
            ? $"Ændringer af typen \"{document.TypeLabel}\" skal godkendes af en anden, før de udgives. Brug \"Send til godkendelse\"."
            : null;
}
