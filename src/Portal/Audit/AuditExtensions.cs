namespace Portal.Audit;

public static class AuditExtensions
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditQuery>();
        return builder;
    }
}
