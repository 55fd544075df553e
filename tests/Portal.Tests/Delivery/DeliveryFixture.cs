using Portal.Tests.Infrastructure;

namespace Portal.Tests.Delivery;

/// <summary>One delivery portal per test class (started once).</summary>
public sealed class DeliveryFixture : IAsyncLifetime
{
    public DeliveryFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

internal static class DeliveryRequests
{
    public static readonly object ReceiptFields = new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" };

    public static object Send(string template, string? recipient = "0101804242", string? caseNumber = "27.36.00-G01-17-26", bool confirm = false) =>
        new { template, fields = ReceiptFields, sendDate = WorkingDay, recipientId = recipient, caseNumber, confirmWarnings = confirm };

    /// <summary>
    /// A Tuesday with no holiday near it. Without a send date the letter is dated today, and on a Danish weekend or
    /// holiday the send date's warning asks for a confirmation these requests do not give (CI ran past midnight on a Friday).
    /// </summary>
    public const string WorkingDay = "2026-11-24";

    public static PortalFactory Portal(this DeliveryFixture fixture) => fixture.Factory;
}
