using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Portal.Components;

/// <summary>
/// Work in progress (a letter form, a checklist in use) kept in the browser tab's sessionStorage, encrypted, never on
/// the server: it survives reload and Back and is gone when the tab closes. Only callable after the first render.
/// </summary>
public sealed class TabDrafts(ProtectedSessionStorage storage, ILogger<TabDrafts> logger)
{
    public async Task<string?> GetAsync(string key)
    {
        try
        {
            var result = await storage.GetAsync<string>(key);
            return result.Success ? result.Value : null;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            // A draft from an older key ring or a closed circuit is simply not there; the form starts empty.
            logger.LogDebug("Kladden i fanen kunne ikke læses: {Error}", ex.GetType().Name);
            return null;
        }
    }

    public async Task SetAsync(string key, string json)
    {
        try
        {
            await storage.SetAsync(key, json);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            logger.LogDebug("Kladden i fanen kunne ikke gemmes: {Error}", ex.GetType().Name);
        }
    }

    public async Task DeleteAsync(string key)
    {
        try
        {
            await storage.DeleteAsync(key);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            logger.LogDebug("Kladden i fanen kunne ikke slettes: {Error}", ex.GetType().Name);
        }
    }

    private static bool IsUnavailable(Exception ex) =>
        ex is CryptographicException or JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException or FormatException;
}
