namespace Portal.Performance;

/// <summary>State besides the content that a reading page shows (e.g. read confirmations): a change of the stamp changes the ETag.</summary>
public interface IReadingPageStamp
{
    Task<string> StampAsync(CancellationToken cancellationToken);
}
