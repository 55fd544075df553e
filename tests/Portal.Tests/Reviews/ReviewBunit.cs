using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using Portal.Reviews;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reviews;

/// <summary>A bUnit context for the editing and review pages, backed by the services of a <see cref="ReviewHarness"/>.</summary>
public static class ReviewBunit
{
    public const string UserName = "Test Bruger";

    public static BunitContext Create(ReviewHarness h, string? email = null)
    {
        var ctx = BunitSetup.CreateContext(role: Roles.Coordinator, today: h.Editing.Clock.Today);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(UserName);
        auth.SetRoles(Roles.Coordinator);
        auth.SetPolicies(Policies.Caseworker, Policies.Coordinator);
        auth.SetClaims([new Claim(ClaimTypes.NameIdentifier, "test-koordinator"), .. email is null ? Array.Empty<Claim>() : [new Claim(ClaimTypes.Email, email)]]);
        var services = ctx.Services;
        services.AddSingleton<TimeProvider>(h.Editing.Clock);
        services.AddSingleton(h.Editing.Get<ContentCatalog>());
        services.AddSingleton(h.Editing.Get<ContentOptions>());
        services.AddSingleton(h.Editing.Get<MarkdownRenderer>());
        services.AddSingleton(h.Editing.Get<DocumentValidator>());
        services.AddSingleton(h.Editing.Editor);
        services.AddSingleton(h.Editing.Get<DocumentMover>());
        services.AddSingleton(h.Reviews);
        services.AddSingleton(h.Feedback);
        services.AddSingleton(h.Roster);
        // Governance pieces on the dashboard and in the editor; no type needs approval here, so the editor looks as before.
        var db = h.Editing.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>();
        var approvalOptions = Microsoft.Extensions.Options.Options.Create(new Portal.Governance.ApprovalOptions());
        var mail = new Portal.Tests.Governance.RecordingMailSender();
        var reads = Portal.Tests.Governance.ReadConfirmationTesting.Create(h.Editing, mail);
        services.AddSingleton(new Portal.Governance.ApprovalService(db, h.Editing.Get<Portal.Documents.DocumentStore>(), h.Editing.Get<DocumentValidator>(),
            h.Editing.Get<Portal.Audit.AuditLog>(), approvalOptions,
            new Portal.Governance.ApprovalMail(mail, Microsoft.Extensions.Options.Options.Create(new SmtpOptions()), approvalOptions,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Portal.Governance.ApprovalMail>.Instance), reads, h.Editing.Clock));
        services.AddSingleton(reads);
        services.AddSingleton(new Portal.Governance.LawChangeService(db, h.Editing.Get<ContentCatalog>(), h.Editing.Get<Portal.Audit.AuditLog>(), mail, h.Editing.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Portal.Governance.LawChangeService>.Instance));
        return ctx.AsInteractiveServer();
    }
}
