using Portal.Performance;

namespace Portal.Governance;

/// <summary>A confirmation or a new mark changes the document page (button, coverage) without changing the content.</summary>
public sealed class ReadConfirmationStamp(ReadConfirmationService reads) : IReadingPageStamp
{
    public Task<string> StampAsync(CancellationToken cancellationToken) => reads.StampAsync(cancellationToken);
}
