using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Portal.Delivery;
using Portal.Letters;

namespace Portal.Tests.Delivery;

public class MemoBuilderTests
{
    private static readonly MemoBuilder s_builder = new(Options.Create(new DeliveryOptions { SenderCvr = "11223344", SenderLabel = "Eksempel Kommune" }));

    private static MemoRequest Request(string recipient = "0101804242", bool legal = true) => new(
        Guid.NewGuid(), "Afgørelse om merudgifter", MemoRecipient.Parse(recipient, out _)!, "27.24.00-G01-1-26",
        new KleClassification("27.24.00", "Hjælpemidler, forbrugsgoder, boligindretning og befordring", "G01"), legal, "afgoerelse.pdf", [37, 80, 68, 70], new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Build_Decision_IsValidMeMo11WithHeaderKleAndPdf()
    {
        var request = Request();

        var message = s_builder.BuildValid(request);

        XNamespace memo = MemoBuilder.Memo;
        var root = message.Root!;
        Assert.Equal("1.1", root.Attribute("memoVersion")?.Value);
        Assert.Equal(request.MessageId.ToString("D"), root.Descendants(memo + "messageUUID").Single().Value);
        Assert.Equal("true", root.Descendants(memo + "legalNotification").Single().Value);
        Assert.Equal("11223344", root.Descendants(memo + "senderID").Single().Value);
        Assert.Equal("CPR", root.Descendants(memo + "Recipient").Single().Element(memo + "idType")!.Value);
        Assert.Equal("27.24.00", root.Descendants(MemoBuilder.Kle + "subjectKey").Single().Value);
        Assert.Equal("G01", root.Descendants(MemoBuilder.Kle + "activityFacet").Single().Value);
        Assert.Equal("27.24.00-G01-1-26", root.Descendants(memo + "caseID").Single().Value);
        Assert.Equal("JVBERg==", root.Descendants(memo + "content").Single().Value);
        Assert.Empty(MemoSchema.Validate(message));
    }

    [Fact]
    public void Build_WithFormTask_AddsValidFormData_AndWithoutItNone()
    {
        var with = s_builder.BuildValid(Request() with { Form = new FormClassification("FORM-TEST-1", "Merudgifter til børn (test)", "G01") });
        var without = s_builder.BuildValid(Request());

        var form = with.Root!.Descendants(MemoBuilder.Form + "FORMdata").Single();
        Assert.Equal("FORM-TEST-1", form.Element(MemoBuilder.Form + "taskKey")!.Value);
        Assert.Equal("Merudgifter til børn (test)", form.Element(MemoBuilder.Form + "label")!.Value);
        Assert.Empty(MemoSchema.Validate(with));
        Assert.Empty(without.Root!.Descendants(MemoBuilder.Form + "FORMdata"));
    }

    [Fact]
    public void Build_CompanyRecipient_UsesCvr()
    {
        var message = s_builder.BuildValid(Request("12345674", legal: false));

        Assert.Equal("CVR", message.Root!.Descendants(MemoBuilder.Memo + "Recipient").Single().Element(MemoBuilder.Memo + "idType")!.Value);
        Assert.Equal("false", message.Root.Descendants(MemoBuilder.Memo + "legalNotification").Single().Value);
    }

    [Fact]
    public void Validate_MessageWithoutRecipient_GivesDanishSchemaError()
    {
        var message = s_builder.Build(Request());
        message.Root!.Descendants(MemoBuilder.Memo + "Recipient").Single().Remove();

        var errors = MemoSchema.Validate(message);

        Assert.NotEmpty(errors);
        Assert.StartsWith("MeMo-beskeden overholder ikke skemaet", errors[0]);
    }

    [Theory]
    [InlineData("010180-4242", false)]
    [InlineData("0101804242", false)]
    [InlineData("12345674", true)]
    public void Parse_CprOrCvr_IsRecognised(string text, bool company)
    {
        var recipient = MemoRecipient.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(company, recipient!.IsCompany);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("3213804242")]
    [InlineData("11223345")]
    public void Parse_Neither_GivesDanishError(string text)
    {
        Assert.Null(MemoRecipient.Parse(text, out var error));
        Assert.Contains("CPR-nummer", error);
    }

    [Fact]
    public void BuildAndValidate_ManyMessages_CompileTheSchemaOnce()
    {
        // The ≤ 5 ms figure comes from MemoBenchmarks (tests/Portal.LetterBenchmarks); this only checks the schema is not rebuilt per message.
        s_builder.BuildValid(Request());
        var schemas = MemoSchema.Schemas;

        s_builder.BuildValid(Request() with { Pdf = new byte[40_000] });

        Assert.Same(schemas, MemoSchema.Schemas);
        Assert.True(schemas.IsCompiled);
    }
}
