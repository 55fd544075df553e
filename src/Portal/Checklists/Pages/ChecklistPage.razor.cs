using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using Portal.Auth;
using Portal.Components;
using Portal.Content;
using Portal.Letters;
using Portal.Library;

namespace Portal.Checklists.Pages;

public partial class ChecklistPage
{
    [Parameter] public string? Slug { get; set; }
    [SupplyParameterFromQuery(Name = "gemt")] public Guid? SavedQuery { get; set; }

    [Inject] private ContentCatalog Catalog { get; set; } = default!;
    [Inject] private ChecklistParser Parser { get; set; } = default!;
    [Inject] private ChecklistStore Store { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private LetterPrefill Prefill { get; set; } = default!;
    [Inject] private LibraryClock Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<ChecklistOptions> Options { get; set; } = default!;
    [Inject] private TabDrafts Drafts { get; set; } = default!;

    /// <summary>The tab's stored state has been read for this checklist; until then nothing is written over it.</summary>
    private bool _draftLoaded;

    private string DraftKey => "tjekliste:" + _definition!.Slug;

    /// <summary>Ticks or notes that exist only in this tab: closing it would lose them.</summary>
    private bool HasUnsavedWork => _session is not null && _session.IsDirty && _session.Done + _session.Definition.Items.Count(i => _session.Note(i.Key).Length > 0) > 0;

    private ChecklistDefinition? _definition;
    private ChecklistSession? _session;
    private IReadOnlyList<SavedChecklistSummary> _saved = [];
    private Guid? _savedId;
    private string _label = "";
    private string? _status;
    private Severity _statusSeverity = Severity.Success;
    private string _notFound = "";
    private string? _loadedSlug;

    private IEnumerable<LibraryDocument> Checklists => Catalog.Current.LibraryDocuments
        .Where(d => d.Type == ChecklistParser.ChecklistType).OrderBy(d => d.Title, StringComparer.Create(DanishFormat.Culture, true));

    protected override async Task OnParametersSetAsync()
    {
        var slug = (Slug ?? "").Trim('/');
        if (slug != _loadedSlug)
        {
            _loadedSlug = slug;
            Load(slug);
        }
        var user = await CurrentUser.GetAsync();
        _saved = await Store.ListAsync(user.Id, slug.Length == 0 ? null : _definition?.Slug);
        if (SavedQuery is { } id && id != _savedId && _session is not null)
        {
            await OpenSaved(id);
        }
    }

    private void Load(string slug)
    {
        _definition = null;
        _session = null;
        _savedId = null;
        _status = null;
        if (slug.Length == 0)
        {
            return;
        }
        var document = Catalog.Current.Find(slug);
        if (document is null)
        {
            _notFound = $"Der er ingen tjekliste med adressen '{slug}'.";
            return;
        }
        if (document.Type != ChecklistParser.ChecklistType)
        {
            _notFound = $"'{document.Title}' er ikke en tjekliste, så den kan ikke bruges som skema.";
            return;
        }
        _definition = Parser.Parse(document);
        if (_definition.Count == 0)
        {
            _notFound = $"'{document.Title}' har ingen punkter med afkrydsningsfelter (- [ ] ...).";
            _definition = null;
            return;
        }
        _session = new ChecklistSession(_definition) { MeetingDate = Clock.Today };
        _draftLoaded = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_session is null || _draftLoaded || !RendererInfo.IsInteractive)
        {
            return;
        }
        _draftLoaded = true;
        if (await Drafts.GetAsync(DraftKey) is { } json && _session.RestoreDraft(json))
        {
            StateHasChanged();
        }
    }

    private async Task SaveDraftAsync()
    {
        if (_session is not null && _draftLoaded)
        {
            await Drafts.SetAsync(DraftKey, _session.ToDraftJson());
        }
    }

    private async Task MakeReferat()
    {
        if (_session is null)
        {
            return;
        }
        await SaveDraftAsync();
        var template = Options.Value.ReferatTemplate;
        Prefill.Set(template, _session.ReferatValues(Clock.Today, Options.Value.PreparationHeadings));
        Navigation.NavigateTo("/breve/ny/" + template);
    }

    private async Task SaveAsync(string label)
    {
        if (_session is null)
        {
            return;
        }
        var user = await CurrentUser.GetAsync();
        if (string.IsNullOrWhiteSpace(user.Id))
        {
            Show("Tjeklisten kan ikke gemmes, fordi din bruger mangler et id. Kontakt en administrator.", Severity.Error);
            return;
        }
        _label = label;
        if (_session.PersonalDataProblem(label) is { } problem)
        {
            Show(problem, Severity.Error);
            return;
        }
        _savedId = await Store.SaveAsync(user.Id, _session, label, _savedId);
        await SaveDraftAsync();
        _saved = await Store.ListAsync(user.Id, _session.Definition.Slug);
        Show($"Gemt. Tjeklisten slettes automatisk {DanishFormat.Date(Clock.Today.AddDays(Options.Value.RetentionDays))}, medmindre du gemmer igen.", Severity.Success);
    }

    private async Task OpenSaved(Guid id)
    {
        if (_session is null)
        {
            return;
        }
        var user = await CurrentUser.GetAsync();
        var saved = await Store.FindAsync(user.Id, id);
        if (saved is null || saved.DocumentSlug != _session.Definition.Slug)
        {
            Show("Den gemte tjekliste findes ikke længere. Den kan være slettet eller udløbet.", Severity.Warning);
            return;
        }
        var lost = _session.Restore(saved.StateJson);
        await SaveDraftAsync();
        _savedId = saved.Id;
        _label = saved.Label;
        Show(lost == 0
            ? $"Åbnede den gemte tjekliste fra {DanishFormat.DateTime(saved.SavedAt)}."
            : $"Åbnede den gemte tjekliste. {lost} punkt(er) findes ikke længere, fordi tjeklisten er ændret siden.", lost == 0 ? Severity.Success : Severity.Warning);
    }

    private async Task DeleteAsync(Guid id)
    {
        var user = await CurrentUser.GetAsync();
        await Store.DeleteAsync(user.Id, id);
        if (_savedId == id)
        {
            _savedId = null;
        }
        _saved = await Store.ListAsync(user.Id, _definition?.Slug);
        Show("Den gemte tjekliste er slettet.", Severity.Success);
    }

    // The form changed the session; re-rendering the page updates the actions and the paper form, and the tab keeps a copy.
    private Task SessionChanged() => SaveDraftAsync();

    private async Task Reset()
    {
        _session?.Reset();
        _savedId = null;
        _label = "";
        Show("Tjeklisten er nulstillet.", Severity.Info);
        await SaveDraftAsync();
    }

    private void Show(string message, Severity severity)
    {
        _status = message;
        _statusSeverity = severity;
    }
}
