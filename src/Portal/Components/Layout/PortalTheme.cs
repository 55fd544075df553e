using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>The portal's palette: every colour used for text or filled chips meets WCAG AA contrast (4.5:1) with white.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5b3a8c",
            Tertiary = "#00695c",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            AppbarBackground = "#1f4e79",
            TextSecondary = "#4a4a4a",
            ActionDefault = "#3d3d3d",
            DrawerText = "#1f1f1f",
            DrawerIcon = "#3d3d3d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
