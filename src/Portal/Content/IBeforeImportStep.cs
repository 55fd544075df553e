namespace Portal.Content;

/// <summary>Work that must finish before content/ is read again (e.g. completing pending file writes after a crash).</summary>
public interface IBeforeImportStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
