using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Auth;

public sealed record SessionInfo(string Handle, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool IsCurrent);

public enum SessionState
{
    Valid,
    Unknown,
    Ended,
    IdleExpired,
    AbsoluteExpired,
}

/// <summary>Server-side sessions: created at sign-in, checked on every cookie request (cached briefly), ended at sign-out.</summary>
public sealed class SessionStore(IDbContextFactory<PortalDbContext> dbFactory, IMemoryCache cache, TimeProvider clock, IOptions<AuthOptions> options)
{
    public const string ClaimType = "portal:sid";
    private static readonly TimeSpan s_touchEvery = TimeSpan.FromMinutes(1);

    private SessionOptions Options => options.Value.Sessions;

    /// <summary>Starts a session; returns its id and the roles the user had at the previous sign-in (null for a first sign-in).</summary>
    public async Task<(string Id, string? PreviousRoles)> StartAsync(string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previous = await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Roles).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            Roles = string.Join(',', roles.Order(StringComparer.Ordinal)),
            CreatedAt = now,
            LastSeenAt = now,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        cache.Set(CacheKey(session.Id), session, TimeSpan.FromSeconds(Options.CacheSeconds));
        return (session.Id, previous);
    }

    public async Task<SessionState> ValidateAsync(string? sessionId, CancellationToken ct = default, bool touch = true)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return SessionState.Unknown;
        }
        if (cache.TryGetValue(EndedKey(sessionId), out _))
        {
            return SessionState.Ended;
        }
        if (!cache.TryGetValue(CacheKey(sessionId), out UserSession? session))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return SessionState.Unknown;
            }
            cache.Set(CacheKey(sessionId), session, TimeSpan.FromSeconds(Options.CacheSeconds));
        }
        var now = clock.GetUtcNow();
        var state = StateOf(session!, now);
        if (touch && state == SessionState.Valid && now - session!.LastSeenAt > s_touchEvery)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
            session.LastSeenAt = now;
        }
        return state;
    }

    /// <summary>Valid unless ended or past its absolute lifetime: for open circuits, whose activity the server cannot see as requests.</summary>
    public async Task<bool> IsAliveAsync(string? sessionId, CancellationToken ct = default)
    {
        var state = await ValidateAsync(sessionId, ct);
        return state is SessionState.Valid or SessionState.IdleExpired;
    }

    public async Task EndAsync(string? sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }
        // The tombstone comes first, is checked before the cache, and outlives any cached copy: a validation that read
        // the row before the update below may still cache it as valid, but that copy is never used.
        cache.Set(EndedKey(sessionId), true, TimeSpan.FromSeconds(Options.CacheSeconds * 2 + 1));
        cache.Remove(CacheKey(sessionId));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Set<UserSession>().Where(s => s.Id == sessionId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>The user's sessions that are still valid, newest first (ASVS 3.3.4: see and end your other sign-ins).</summary>
    public async Task<IReadOnlyList<SessionInfo>> ListActiveAsync(string userId, string? currentSessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var oldest = now - Options.Absolute;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct);
        return rows.Where(s => s.CreatedAt > oldest && StateOf(s, now) == SessionState.Valid)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionInfo(HandleOf(s.Id), s.CreatedAt, s.LastSeenAt, s.Id == currentSessionId))
            .ToList();
    }

    /// <summary>Ends one of the user's own sessions by its handle; false when the handle is not one of theirs.</summary>
    public async Task<bool> EndByHandleAsync(string userId, string handle, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        var id = ids.FirstOrDefault(i => HandleOf(i) == handle);
        if (id is null)
        {
            return false;
        }
        await EndAsync(id, ct);
        return true;
    }

    /// <summary>
    /// A session's public name: the id is the bearer secret inside the cookie, so pages and forms show only a
    /// short hash of it.
    /// </summary>
    public static string HandleOf(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)))[..16];

    internal SessionState StateOf(UserSession session, DateTimeOffset now) =>
        session.EndedAt is not null ? SessionState.Ended
        : now - session.CreatedAt > Options.Absolute ? SessionState.AbsoluteExpired
        : now - session.LastSeenAt > Options.Idle ? SessionState.IdleExpired
        : SessionState.Valid;

    internal static string CacheKey(string id) => "session:" + id;

    private static string EndedKey(string id) => "session-ended:" + id;

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
