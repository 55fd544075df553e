using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Auth;
using Portal.Components;
using Portal.Content;

namespace Portal.Letters;

/// <summary>Fill a template: the form generated from its fields, the live preview, and DOCX and print.</summary>
public partial class LetterPage
{
    [Parameter]
    public string TemplateSlug { get; set; } = "";

    [Inject] private LetterCatalog Catalog { get; set; } = default!;
    [Inject] private ContentCatalog Content { get; set; } = default!;
    [Inject] private LetterService Letters { get; set; } = default!;
    [Inject] private DocxWriter Docx { get; set; } = default!;
    [Inject] private LetterAudit Audit { get; set; } = default!;
    [Inject] private LetterPrefill Prefill { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TabDrafts Drafts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private TemplateDefinition? _template;
    private LetterFormState? _state;
    private UserProfile? _profile;
    private bool _busy;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;

    /// <summary>The form before "Udfyld med eksempel", for its undo.</summary>
    private string? _beforeExample;

    /// <summary>The tab's stored draft has been read for this template; until then nothing is written over it.</summary>
    private bool _draftLoaded;
    private bool _handedOver;

    private string DraftKey => "brev:" + _template!.Slug;

    private string? _sendDateProblem;

    protected override async Task OnInitializedAsync()
    {
        _profile = await CurrentUser.GetAsync();
        Content.Changed += OnContentChanged;
    }

    protected override void OnParametersSet()
    {
        if (_template?.Slug.Equals(TemplateSlug.Trim('/'), StringComparison.OrdinalIgnoreCase) == true)
        {
            return;
        }
        _template = Catalog.Current.Find(TemplateSlug);
        var prefill = _template is null ? null : Prefill.Take(_template.Slug);
        _handedOver = prefill is not null;
        _state = _template is null ? null : new LetterFormState(_template, Clock.Today(), prefill);
        _draftLoaded = false;
        _beforeExample = null;
        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_state is null || _draftLoaded || !RendererInfo.IsInteractive)
        {
            return;
        }
        _draftLoaded = true;
        // Values handed over just now (from a checklist) win over an older draft of the same letter in this tab.
        if (_handedOver)
        {
            await SaveDraftAsync();
            return;
        }
        if (await Drafts.GetAsync(DraftKey) is { } json && LetterDraft.TryRestore(_state, json))
        {
            Refresh();
            _messageSeverity = Severity.Info;
            _message = "Oplysningerne fra tidligere i denne fane er sat ind igen. De forsvinder, når du lukker fanen.";
            StateHasChanged();
        }
    }

    private async Task SaveDraftAsync()
    {
        if (_state is not null && _draftLoaded)
        {
            await Drafts.SetAsync(DraftKey, LetterDraft.From(_state));
        }
    }

    private Caseworker Caseworker => Caseworker.From(_profile ?? UserProfile.From(new System.Security.Claims.ClaimsPrincipal()));

    private void Refresh()
    {
        if (_state is not null)
        {
            _state.Refresh(Catalog.Current, Letters, Caseworker);
        }
    }

    private async Task RefreshAsync()
    {
        Refresh();
        _message = null;
        await SaveDraftAsync();
    }

    private Task SetSendDateAsync(DateTime? date)
    {
        _state!.SendDate = date;
        return RefreshAsync();
    }

    /// <summary>Asks before the example overwrites anything typed, and keeps the form for "Fortryd".</summary>
    private async Task FillExampleAsync()
    {
        var typed = _state!.TypedFieldsTheExampleReplaces;
        if (typed.Count > 0)
        {
            var names = string.Join(", ", typed.Select(f => f.Label));
            var answer = await Dialogs.ShowMessageBoxAsync("Erstat det, du har skrevet?",
                $"Eksemplet skriver over {DanishFormat.Count(typed.Count, "felt", "felter")}, du har udfyldt: {names}. Du kan fortryde bagefter.",
                yesText: "Erstat med eksempel", cancelText: "Behold mine oplysninger");
            if (answer != true)
            {
                return;
            }
        }
        var before = LetterDraft.From(_state);
        _state.FillWithExample();
        await RefreshAsync();
        _beforeExample = before;
    }

    private async Task UndoExampleAsync()
    {
        if (_beforeExample is null || _template is null)
        {
            return;
        }
        var state = new LetterFormState(_template, _state!.Today);
        LetterDraft.TryRestore(state, _beforeExample);
        _state = state;
        _beforeExample = null;
        await RefreshAsync();
        _messageSeverity = Severity.Info;
        _message = "Dine egne oplysninger er sat ind igen.";
    }

    /// <summary>The strict result for download or print; on errors the fields show what is missing.</summary>
    private LetterResult? Final(out TemplateSet set)
    {
        set = Catalog.Current;
        var result = Letters.Generate(set, _state!.Template, _state.ToRequest(), Caseworker);
        if (!result.IsValid)
        {
            _state.ShowErrors = true;
            Refresh();
            _messageSeverity = Severity.Error;
            _message = $"Brevet kan ikke hentes endnu: {string.Join(" ", result.Errors.Select(e => e.Message).Distinct())}";
            return null;
        }
        return result;
    }

    private (LetterResult? Result, TemplateSet Set, LetterRequest Request) StrictForDelivery()
    {
        var result = Final(out var set);
        return (result, set, _state!.ToRequest());
    }

    // Written only once the letter exists: a failed render or file is never logged as generated.
    private Task AuditAsync(LetterResult result, TemplateSet set, string format) =>
        Audit.WriteAsync(_profile ?? UserProfile.From(new System.Security.Claims.ClaimsPrincipal()), result, set, format);

    private async Task DownloadAsync()
    {
        _busy = true;
        try
        {
            if (Final(out var set) is { } result)
            {
                var bytes = Docx.Write(result);
                await AuditAsync(result, set, "docx");
                await JS.InvokeVoidAsync("portal.downloadFile", DocxWriter.FileName(result.Template, result.Context.SendDate), DocxWriter.ContentType, Convert.ToBase64String(bytes));
                _messageSeverity = Severity.Success;
                _message = result.Warnings.Count > 0
                    ? $"Word-filen er hentet. Husk advarslerne: {DanishFormat.Count(result.Warnings.Count, "regel", "regler")} er ikke overholdt."
                    : "Word-filen er hentet.";
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PrintAsync()
    {
        if (Final(out var set) is { } result)
        {
            await AuditAsync(result, set, "print");
            await JS.InvokeVoidAsync("window.print");
        }
    }

    private void OnContentChanged(LibrarySnapshot _) => InvokeAsync(() =>
    {
        if (_template is not null && Catalog.Current.Find(_template.Slug) is { } updated && !ReferenceEquals(updated, _template))
        {
            // Keep what the caseworker typed; only the template's text and rules change.
            var state = new LetterFormState(updated, _state!.Today);
            state.Fill(_state.Values.Where(v => updated.Field(v.Key) is not null).ToDictionary(v => v.Key, v => v.Value is DateTime d ? (object?)DateOnly.FromDateTime(d) : v.Value));
            state.Recipients.Clear();
            state.Recipients.AddRange(_state.Recipients);
            state.SendDate = _state.SendDate;
            _template = updated;
            _state = state;
            Refresh();
            StateHasChanged();
        }
    });

    public void Dispose() => Content.Changed -= OnContentChanged;
}
