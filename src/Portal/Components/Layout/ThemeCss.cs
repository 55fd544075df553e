using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>
/// MudBlazor's theme CSS (palette variables and scrollbar) built once, so static pages can write it without a
/// MudThemeProvider, whose dispose calls JavaScript and throws on every statically rendered request.
/// </summary>
public sealed class ThemeCss : MudThemeProvider
{
    private static readonly Lazy<string> s_css = new(() => new ThemeCss().Build(PortalTheme.Theme));

    public static string Css => s_css.Value;

    private string Build(MudTheme theme)
    {
#pragma warning disable BL0005 // Never rendered: the parameter is set only to let the provider build its CSS.
        Theme = theme;
#pragma warning restore BL0005
        return BuildTheme() + BuildMudBlazorScrollbar();
    }
}
