using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Delivery;

namespace Portal.Tests.Delivery;

/// <summary>LibreOffice is warmed a while after start (its start-up takes the cores the first pages need), not at once.</summary>
public class PdfStartDelayTests
{
    [Fact]
    public async Task Start_WithADelay_LeavesTheOfficeUnstartedUntilThen_AndStoppingCancelsIt()
    {
        await using var converter = new PdfConverter(Options.Create(new DeliveryOptions()), NullLogger<PdfConverter>.Instance);
        using var stopping = new CancellationTokenSource();

        converter.Start(TimeSpan.FromHours(1), stopping.Token);

        // Without LibreOffice the notice is decided at once; with it, nothing starts before the delay.
        Assert.Equal(converter.IsEnabled ? ConverterState.NotStarted : ConverterState.Unavailable, converter.State);
        await stopping.CancelAsync();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(converter.IsEnabled ? ConverterState.NotStarted : ConverterState.Unavailable, converter.State);
    }

    [Fact]
    public async Task Start_WithoutADelay_BeginsWarmingAtOnce()
    {
        await using var converter = new PdfConverter(Options.Create(new DeliveryOptions()), NullLogger<PdfConverter>.Instance);

        converter.Start(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(converter.IsEnabled ? ConverterState.Starting : ConverterState.Unavailable, converter.State);
        await converter.WarmAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void DefaultDelay_IsFifteenSeconds() => Assert.Equal(15, new DeliveryOptions().Pdf.StartDelaySeconds);
}
