using System.Collections.Concurrent;
using Portal.Audit;

namespace Portal.Auth;

/// <summary>
/// Writes security events to the audit log from middleware and authentication handlers (which have no scope of their own).
/// Floodable events (failed keys, 429, 403) are written at most once a minute per user and action.
/// </summary>
public sealed class SecurityAudit(AuditLog auditLog, TimeProvider clock, ILogger<SecurityAudit> logger)
{
    private static readonly TimeSpan s_throttle = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _lastWritten = new();

    public async Task WriteAsync(string user, string action, string target, string? details = null, bool throttle = false)
    {
        var now = clock.GetUtcNow();
        if (throttle)
        {
            var key = (user, action);
            if (_lastWritten.TryGetValue(key, out var last) && now - last < s_throttle)
            {
                return;
            }
            _lastWritten[key] = now;
            if (_lastWritten.Count > 10_000)
            {
                _lastWritten.Clear();
            }
        }
        try
        {
            // The user arrives already formatted as an audit name (name and id, or "ukendt").
            await auditLog.WriteAsync(new UserProfile("", Truncate(user, 200), ""), action, Truncate(target, 400), details is null ? null : Truncate(details, 1000));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request goes on; the failure is visible in the log (without the event's details).
            logger.LogWarning(ex, "Sikkerhedshændelsen {Action} kunne ikke skrives i revisionsloggen", action);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
