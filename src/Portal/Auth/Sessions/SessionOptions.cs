namespace Portal.Auth;

/// <summary>Auth:Sessions: idle timeout (sliding) and absolute lifetime of a signed-in session.</summary>
public sealed class SessionOptions
{
    public int IdleMinutes { get; set; } = 30;

    public int AbsoluteHours { get; set; } = 10;

    /// <summary>How long a validated session is trusted before the database is asked again (a sign-out on this node takes effect at once).</summary>
    public int CacheSeconds { get; set; } = 30;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);
    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
}
