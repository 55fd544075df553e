namespace Portal.Performance;

/// <summary>
/// Marks a page that readers only read (document, library, search results): it is the same for every request of one
/// signed-in browser until the content changes, so it gets <c>Cache-Control: private, no-cache</c> and an ETag, and a
/// repeated request is answered 304 without rendering. Such a page also carries <c>[ExcludeFromInteractiveRouting]</c>,
/// which makes App.razor render it statically, without a circuit. Readers with the same roles share one rendering of it
/// (<see cref="SharedPageCache"/>), so it may name its reader only through the top bar's UserMenu, or say otherwise with
/// an <see cref="ISharedPageGate"/>. Never on a page with case data (<c>[CaseData]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadingPageAttribute : Attribute;
