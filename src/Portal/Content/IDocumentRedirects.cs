namespace Portal.Content;

/// <summary>Where a moved or renamed document lives now, so old links keep working; null when the address was never moved.</summary>
public interface IDocumentRedirects
{
    string? Resolve(string slug);
}
