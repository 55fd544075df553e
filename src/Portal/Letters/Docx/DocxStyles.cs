using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Letters;

/// <summary>The Word styles and list numbering letters use: plain, readable, the same in Word and LibreOffice.</summary>
internal static class DocxStyles
{
    public const int BulletList = 1;
    public const int NumberedListAbstract = 2;
    public const string Font = "Calibri";

    public static Styles Create()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = "da-DK" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(ParagraphStyle("Normal", "Normal", null, isDefault: true));
        styles.Append(ParagraphStyle("Heading1", "heading 1", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "32" }), spacingBefore: "240", outline: 0));
        styles.Append(ParagraphStyle("Heading2", "heading 2", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "26" }), spacingBefore: "240", outline: 1));
        styles.Append(ParagraphStyle("Heading3", "heading 3", new StyleRunProperties(new Bold(), new FontSize { Val = "22" }), spacingBefore: "180", outline: 2));
        styles.Append(ParagraphStyle("Quote", "Quote", new StyleRunProperties(new Italic()), indent: "567"));
        styles.Append(ParagraphStyle("ListParagraph", "List Paragraph", null, indent: "720"));
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    public static Numbering CreateNumbering()
    {
        var numbering = new Numbering();
        numbering.Append(Abstract(BulletList, NumberFormatValues.Bullet, ["•", "◦", "▪"]));
        numbering.Append(Abstract(NumberedListAbstract, NumberFormatValues.Decimal, ["%1.", "%2.", "%3."]));
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
        return numbering;
    }

    /// <summary>A new numbering instance for each numbered list, so every list starts at 1.</summary>
    public static int AddNumberedList(Numbering numbering, int start)
    {
        var id = numbering.Elements<NumberingInstance>().Max(n => n.NumberID?.Value ?? 0) + 1;
        numbering.Append(new NumberingInstance(
            new AbstractNumId { Val = NumberedListAbstract },
            new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 })
        { NumberID = id });
        return id;
    }

    private static AbstractNum Abstract(int id, NumberFormatValues format, string[] texts)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < texts.Length; level++)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = texts[level] },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = (720 * (level + 1)).ToString(), Hanging = "360" }))
            { LevelIndex = level });
        }
        return abstractNum;
    }

    private static Style ParagraphStyle(string id, string name, StyleRunProperties? run, bool isDefault = false, string? spacingBefore = null, int? outline = null, string? indent = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? OnOffValue.FromBoolean(true) : null };
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new PrimaryStyle());
        }
        var paragraph = new StyleParagraphProperties();
        if (spacingBefore is not null)
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new SpacingBetweenLines { Before = spacingBefore, After = "80" });
        }
        if (indent is not null)
        {
            paragraph.Append(new Indentation { Left = indent });
        }
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }
        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }
        if (run is not null)
        {
            style.Append(run);
        }
        return style;
    }
}
