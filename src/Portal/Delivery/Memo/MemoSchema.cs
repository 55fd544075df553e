using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Portal.Delivery;

/// <summary>The MeMo 1.1 schema (Digitaliseringsstyrelsen's nine files, embedded unchanged), compiled once.</summary>
public static class MemoSchema
{
    private static readonly Lazy<XmlSchemaSet> s_schemas = new(Load);

    public static XmlSchemaSet Schemas => s_schemas.Value;

    /// <summary>Schema errors as Danish lines; empty when the message is valid.</summary>
    public static IReadOnlyList<string> Validate(XDocument message)
    {
        var errors = new List<string>();
        message.Validate(Schemas, (_, e) => errors.Add($"MeMo-beskeden overholder ikke skemaet: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var assembly = typeof(MemoSchema).Assembly;
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        using var core = assembly.GetManifestResourceStream("MeMo/MeMo_core.xsd")!;
        using var reader = XmlReader.Create(core, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new EmbeddedResolver() }, "memo://schema/MeMo_core.xsd");
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    // Imports are resolved from the embedded copies only: no file system or network access while validating.
    private sealed class EmbeddedResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            typeof(MemoSchema).Assembly.GetManifestResourceStream("MeMo/" + Path.GetFileName(absoluteUri.AbsolutePath))
            ?? throw new XmlSchemaException($"Ukendt MeMo-skemafil {absoluteUri}");

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) => new(new Uri("memo://schema/"), relativeUri);
    }
}
