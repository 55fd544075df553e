using BenchmarkDotNet.Attributes;
using Portal.Delivery;
using Portal.Letters;

namespace Portal.LetterBenchmarks;

/// <summary>MeMo 1.1 message for one letter (a 60 KB PDF as MainDocument), built and validated against the XSD. Target: ≤ 5 ms.</summary>
[MemoryDiagnoser]
public class MemoBenchmarks
{
    private readonly MemoBuilder _builder = new(Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { SenderCvr = "29189897" }));
    private MemoRequest _request = default!;

    [GlobalSetup]
    public void Setup()
    {
        var pdf = new byte[60_000];
        new Random(16).NextBytes(pdf);
        _request = new MemoRequest(Guid.NewGuid(), "Afgørelse om merudgifter", new MemoRecipient("0101804242", false), "27.24.00-G01-17-26",
            new KleClassification("27.24.00", "Hjælpemidler, forbrugsgoder, boligindretning og befordring", "G01"), true, "afgoerelse.pdf", pdf, DateTimeOffset.UtcNow);
        _ = _builder.BuildValid(_request); // the schema set is compiled once, at first use
    }

    [Benchmark(Description = "MeMo build + XSD validation")]
    public System.Xml.Linq.XDocument BuildAndValidate() => _builder.BuildValid(_request);
}
