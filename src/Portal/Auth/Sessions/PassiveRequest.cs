namespace Portal.Auth;

/// <summary>
/// Marks an endpoint the browser calls by itself (a static page's check for a changed document): it needs a valid
/// session but is not activity, so it does not keep an idle session alive.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class PassiveRequestAttribute : Attribute;

public static class PassiveRequestExtensions
{
    public static TBuilder AsPassiveRequest<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PassiveRequestAttribute());

    internal static bool IsPassiveRequest(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PassiveRequestAttribute>() is not null;
}
