namespace Portal.Security;

/// <summary>
/// Marks an endpoint or page whose response carries case data (letters, Word files, PDFs, referater, birth dates):
/// the response gets <c>Cache-Control: no-store</c>. On a page: <c>@attribute [CaseData]</c>; on an endpoint: <c>.WithCaseData()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class CaseDataAttribute : Attribute;

public static class CaseDataExtensions
{
    /// <summary>The response carries case data: never stored by browsers or proxies.</summary>
    public static TBuilder WithCaseData<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CaseDataAttribute());

    internal static bool CarriesCaseData(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<CaseDataAttribute>() is not null;
}
