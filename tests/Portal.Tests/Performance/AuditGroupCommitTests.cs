using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Performance;

/// <summary>Audit group commit: many concurrent writers share commits, and every entry is in the log when its caller returns.</summary>
public class AuditGroupCommitTests
{
    [Fact]
    public async Task ConcurrentWrites_AllCommitted_WhenTheyReturn()
    {
        await using var factory = new PortalFactory();
        var audit = factory.Services.GetRequiredService<AuditLog>();
        var user = new UserProfile("t1", "Test Bruger", "t1@example.dk");
        var target = "gruppe-" + Guid.NewGuid().ToString("N")[..8];

        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => audit.WriteAsync(user, "test.gruppe", target, i.ToString()))));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var details = await db.AuditLog.Where(e => e.Target == target).Select(e => e.Details).ToListAsync(ct);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString()).Order(), details.Order());
    }
}
