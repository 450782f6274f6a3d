using FluxCaption.Contracts;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components.Forms;

namespace FluxCaption.Web.Components.Pages.Glossary;

public sealed partial class GlossaryPage
{
    private const int PageSize = 50;

    // The Api refuses an import over its own upload limit with a readable problem; this only caps what the browser sends.
    private const long MaxImportBytes = 256L * 1024 * 1024;

    private GlossaryPageResponse? _page;
    private int _pageNumber = 1;
    private string? _sourceLanguage, _targetLanguage, _search;
    private (string? Source, string? Target, string? Search) _shown;
    private TermForm _form = new();
    private GlossaryTermResponse? _editing;
    private IReadOnlyDictionary<string, string[]> _fieldErrors = new Dictionary<string, string[]>();
    private List<string> _problems = [];
    private string? _notice;

    private int PageCount => _page is null ? 1 : Math.Max(1, (_page.Total + PageSize - 1) / PageSize);

    private string ExportHref
    {
        get
        {
            var query = FluxCaptionApiClient.GlossaryQuery(_shown.Source, _shown.Target, null);
            return query.Length == 0 ? "/download/glossary.csv" : $"/download/glossary.csv?{query}";
        }
    }

    protected override Task OnInitializedAsync() => ActAsync(RefreshAsync);

    private async Task RefreshAsync()
    {
        _page = await Api.ListGlossaryAsync(_shown.Source, _shown.Target, _shown.Search, _pageNumber, PageSize);
        if (_page.Items.Count == 0 && _pageNumber > 1)
        {
            _pageNumber = PageCount;
            _page = await Api.ListGlossaryAsync(_shown.Source, _shown.Target, _shown.Search, _pageNumber, PageSize);
        }
    }

    private Task SearchAsync()
    {
        _shown = (_sourceLanguage, _targetLanguage, _search);
        _pageNumber = 1;
        // A new term most likely belongs to the pair being looked at.
        if (_editing is null)
        {
            _form.SourceLanguage ??= _sourceLanguage;
            _form.TargetLanguage ??= _targetLanguage;
        }

        return ActAsync(RefreshAsync);
    }

    private Task GoToAsync(int page)
    {
        _pageNumber = page;
        return ActAsync(RefreshAsync);
    }

    private bool Has(string field) => _fieldErrors.ContainsKey(field);

    private string? ErrorOf(string field) => _fieldErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages.Select(FieldErrors.Translate)) : null;

    private void Edit(GlossaryTermResponse term)
    {
        _editing = term;
        _form = new TermForm { SourceLanguage = term.SourceLanguage, TargetLanguage = term.TargetLanguage, Source = term.Source, Target = term.Target, CaseSensitive = term.CaseSensitive };
        _fieldErrors = new Dictionary<string, string[]>();
    }

    private void NewTerm()
    {
        _editing = null;
        _form = new TermForm { SourceLanguage = _form.SourceLanguage, TargetLanguage = _form.TargetLanguage };
        _fieldErrors = new Dictionary<string, string[]>();
    }

    private Task SaveAsync() => ActAsync(async () =>
    {
        var request = new GlossaryTermRequest(_form.SourceLanguage, _form.TargetLanguage, _form.Source, _form.Target, _form.CaseSensitive);
        var saved = _editing is null
            ? await Api.CreateGlossaryTermAsync(request)
            : await Api.UpdateGlossaryTermAsync(_editing.Id, request);
        _notice = L["Saved: {0} → {1}", saved.Source, saved.Target];
        NewTerm();
        await RefreshAsync();
    });

    private Task DeleteAsync(GlossaryTermResponse term) => ActAsync(async () =>
    {
        await Api.DeleteGlossaryTermAsync(term.Id);
        _notice = L["Deleted: {0}", term.Source];
        if (_editing?.Id == term.Id)
        {
            NewTerm();
        }

        await RefreshAsync();
    });

    private Task ImportAsync(IBrowserFile file) => ActAsync(async () =>
    {
        await using var stream = file.OpenReadStream(MaxImportBytes);
        var result = await Api.ImportGlossaryCsvAsync(stream, _sourceLanguage, _targetLanguage);
        _notice = L["Import done. New: {0:N0}. Changed: {1:N0}. Unchanged: {2:N0}.", result.Created, result.Updated, result.Unchanged];
        await RefreshAsync();
    });

    private async Task ActAsync(Func<Task> action)
    {
        _problems = [];
        _fieldErrors = new Dictionary<string, string[]>();
        try
        {
            await action();
        }
        catch (ApiProblemException ex)
        {
            // Field errors of the form show under their field; the rest (409, import rows) above the page.
            var formFields = new HashSet<string> { "sourceLanguage", "targetLanguage", "source", "target" };
            _fieldErrors = ex.Errors.Where(e => formFields.Contains(e.Key)).ToDictionary();
            _problems = ex.Errors.Count > _fieldErrors.Count || ex.Errors.Count == 0
                ? [.. FieldErrors.Messages(ex).Where(m => !formFields.Any(f => m.StartsWith($"{f}: ", StringComparison.Ordinal)))]
                : [];
        }
        catch (HttpRequestException ex)
        {
            _problems = [L["The FluxCaption Api cannot be reached: {0}", ex.Message]];
        }
    }

    private sealed class TermForm
    {
        public string? SourceLanguage { get; set; }

        public string? TargetLanguage { get; set; }

        public string? Source { get; set; }

        public string? Target { get; set; }

        public bool CaseSensitive { get; set; }
    }
}
