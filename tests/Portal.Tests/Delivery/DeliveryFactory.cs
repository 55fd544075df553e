using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Delivery;
using Portal.Letters;
using Portal.Tests.Infrastructure;
using Portal.Tests.Letters;

namespace Portal.Tests.Delivery;

/// <summary>One warm LibreOffice for the whole test run: every delivery test host borrows it.</summary>
public static class SharedConverter
{
    private static readonly Lazy<PdfConverter> s_converter = new(() =>
    {
        var converter = new PdfConverter(Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { Pdf = { StartAtLaunch = false } }), NullLogger<PdfConverter>.Instance);
        converter.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => converter.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return converter;
    });

    public static PdfConverter Instance => s_converter.Value;
}

/// <summary>
/// The portal over the fixture templates with the receipt and the refusal juridisk godkendt,
/// the caseworker's profile complete (so letters can be final), deliveries to temp folders and a fast outbox.
/// </summary>
public class DeliveryFactory(IEnumerable<KeyValuePair<string, string>>? extra = null) : PortalFactory(ApprovedContent())
{
    public const string Receipt = "skabeloner/breve/kvittering-test";
    public const string Refusal = "skabeloner/afgoerelser/afslag-merudgifter-test";

    public string Folder { get; } = Directory.CreateTempSubdirectory("handicap-levering-").FullName;

    public string PostFolder => Path.Combine(Folder, "post");

    public string JournalFolder => Path.Combine(Folder, "journal");

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Auth:DemoUsers:0:Title", "Socialrådgiver"),
        new("Auth:DemoUsers:0:Phone", "72 11 22 33"),
        new("Auth:DemoUsers:0:PhoneHours", "tirsdag og torsdag kl. 8.30-10"),
        new("Delivery:Pdf:StartAtLaunch", "false"),
        new("Delivery:DigitalPost:Folder", PostFolder),
        new("Delivery:Journal:Folder", JournalFolder),
        new("Delivery:Outbox:PollSeconds", "0.2"),
        new("Delivery:Outbox:FirstRetrySeconds", "0.1"),
        new("Delivery:Outbox:MaxAttempts", "3"),
        .. extra ?? [],
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<PdfConverter>();
            services.AddSingleton(SharedConverter.Instance);
        });
    }

    public static TestContentDirectory ApprovedContent()
    {
        var content = LetterKit.FixtureContent();
        foreach (var slug in new[] { Receipt, Refusal })
        {
            var file = Path.Combine(content.Path, slug + ".md");
            var text = LegalApproval.Approve(File.ReadAllText(file), file, "Jurist Test", new DateOnly(2026, 11, 1));
            File.WriteAllText(file, text);
        }
        return content;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
