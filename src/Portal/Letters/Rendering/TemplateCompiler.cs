using Portal.Content;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Portal.Letters;

/// <summary>A place in a template file (1-based line and column).</summary>
public sealed record TemplatePosition(string File, int Line, int Column);

/// <summary>A parsed template with what it uses: sag.* members and included phrases.</summary>
public sealed record CompiledTemplate(
    string File,
    int BodyStartLine,
    Template? Template,
    IReadOnlyList<(string Name, TemplatePosition At)> CaseFields,
    IReadOnlyList<(string Name, TemplatePosition At)> Includes,
    IReadOnlyList<ContentIssue> Issues)
{
    public bool HasErrors => Template is null || Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>Parses Scriban templates and reports errors with file, line and column in Danish.</summary>
public static class TemplateCompiler
{
    public const string CaseObject = "sag";

    public static CompiledTemplate Compile(string body, string file, int bodyStartLine)
    {
        var template = Template.Parse(body, file);
        var issues = new List<ContentIssue>();
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                var line = message.Span.Start.Line + bodyStartLine;
                issues.Add(new ContentIssue(file, line, IssueSeverity.Error,
                    $"Skabelonen kan ikke læses (linje {line}, kolonne {message.Span.Start.Column + 1}): {ScribanMessages.Translate(message.Message)}"));
            }
            return new CompiledTemplate(file, bodyStartLine, null, [], [], issues);
        }
        var usage = new UsageCollector(file, bodyStartLine);
        template.Page?.Accept(usage);
        issues.AddRange(usage.Issues);
        return new CompiledTemplate(file, bodyStartLine, template, usage.CaseFields, usage.Includes, issues);
    }

    private sealed class UsageCollector(string file, int bodyStartLine) : ScriptVisitor
    {
        public List<(string, TemplatePosition)> CaseFields { get; } = [];
        public List<(string, TemplatePosition)> Includes { get; } = [];
        public List<ContentIssue> Issues { get; } = [];

        public override void Visit(ScriptMemberExpression node)
        {
            if (node.Target is ScriptVariableGlobal { Name: CaseObject } && node.Member is ScriptVariable member)
            {
                CaseFields.Add((member.Name, At(node.Span)));
            }
            base.Visit(node);
        }

        public override void Visit(ScriptIndexerExpression node)
        {
            if (node.Target is ScriptVariableGlobal { Name: CaseObject })
            {
                if (node.Index is ScriptLiteral { Value: string name })
                {
                    CaseFields.Add((name, At(node.Span)));
                }
                else
                {
                    Issues.Add(Error(node.Span, "Felter skal hentes med et fast navn, fx 'sag.mundtlig_dato', ikke med et beregnet navn."));
                }
            }
            base.Visit(node);
        }

        public override void Visit(ScriptFunctionCall node)
        {
            if (node.Target is ScriptVariableGlobal { Name: "include" or "include_join" })
            {
                if (node.Arguments.Count >= 1 && node.Arguments[0] is ScriptLiteral { Value: string name })
                {
                    Includes.Add((name, At(node.Span)));
                }
                else
                {
                    Issues.Add(Error(node.Span, "En frase skal indsættes med sit navn i anførselstegn, fx {{ include 'klagevejledning' }}."));
                }
            }
            base.Visit(node);
        }

        public override void Visit(ScriptImportStatement node)
        {
            Issues.Add(Error(node.Span, "'import' må ikke bruges i skabeloner."));
            base.Visit(node);
        }

        private TemplatePosition At(SourceSpan span) => new(file, span.Start.Line + bodyStartLine, span.Start.Column + 1);

        private ContentIssue Error(SourceSpan span, string message)
        {
            var at = At(span);
            return new ContentIssue(file, at.Line, IssueSeverity.Error, $"Linje {at.Line}, kolonne {at.Column}: {message}");
        }
    }
}
