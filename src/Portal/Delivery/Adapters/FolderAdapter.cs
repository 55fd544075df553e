namespace Portal.Delivery;

/// <summary>
/// The "fil" adapter: writes each delivery to a folder, named by its idempotency key (temp file + rename, so a crash
/// never leaves half a file and a second delivery of the same key finds the first). The default on the embedded
/// install: it runs with no agreement with Digitaliseringsstyrelsen or the case system.
/// </summary>
public sealed class FolderAdapter(string destination, string folder, string extension) : IDeliveryAdapter
{
    public string Destination => destination;

    public async Task<string> DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, $"{item.IdempotencyKey.Replace(':', '-')}{extension}");
        if (File.Exists(target))
        {
            return Path.GetFileName(target);
        }
        try
        {
            Directory.CreateDirectory(folder);
            var temp = target + ".tmp";
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(item.Payload, cancellationToken);
                // On disk before the rename and before the outbox marks it delivered: a power cut cannot lose a "delivered" file.
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
            return Path.GetFileName(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"Kunne ikke skrive til mappen {folder}: {ex.Message}", permanent: false);
        }
    }
}
