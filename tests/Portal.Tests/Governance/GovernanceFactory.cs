using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Governance;

/// <summary>The portal with procedures needing approval, and a jurist (API key and demo user) besides the three usual roles.</summary>
public sealed class GovernanceFactory : PortalFactory
{
    public const string JuristKey = "test-noegle-jurist-000000001";

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Auth:ApiKeys:3:Name", "test-jurist"),
        new("Auth:ApiKeys:3:Hash", ApiKeyHandler.HashOf(JuristKey)),
        new("Auth:ApiKeys:3:Role", Roles.Jurist),
        new("Auth:DemoUsers:3:Id", "jurist"),
        new("Auth:DemoUsers:3:Name", "Demo jurist"),
        new("Auth:DemoUsers:3:Role", Roles.Jurist),
        new("Auth:DemoUsers:3:Email", "jurist@test.example"),
        new("Governance:Approval:RequiredTypes:0", "arbejdsgang"),
    ];

    public HttpClient CreateJuristClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, JuristKey);
        return client;
    }
}

public sealed class GovernanceFactoryFixture : IAsyncLifetime
{
    public GovernanceFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
