using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Auth;

/// <summary>A signed-in browser session; the cookie carries only its id, so signing out ends it on the server.</summary>
public sealed class UserSession
{
    /// <summary>Random, 256 bits, base64url.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The user's roles at sign-in, comma-separated (to audit role changes at the next sign-in).</summary>
    public required string Roles { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(200);
        builder.Property(s => s.Roles).HasMaxLength(200);
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
    }
}
