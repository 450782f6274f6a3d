using FluxCaption.Contracts;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace FluxCaption.Web.Components.Pages.Memory;

public sealed partial class MemoryPage
{
    private const int PageSize = 25;

    // A TMX import goes to the Api as it is read; this only stops the browser from sending more than the Api takes anyway.
    private const long MaxImportBytes = 1024L * 1024 * 1024;

    private IReadOnlyList<MemoryGroupCount>? _groups;
    private FluxCaption.Contracts.MemoryPage? _page;
    private int _pageNumber = 1;
    private MemoryFilterView _filter = new();
    private string? _sourceLanguage, _targetLanguage, _engine, _model, _search;
    private List<string> _problems = [];
    private string? _notice;
    private MemoryEntry? _deleting;
    private bool _confirmDeleteAll;
    private bool _busy;

    private int PageCount => _page is null ? 1 : Math.Max(1, (_page.Total + PageSize - 1) / PageSize);

    private string ExportHref => _filter.IsEmpty ? "/download/memory.tmx" : $"/download/memory.tmx?{_filter.ToQuery()}";

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => ActAsync(RefreshAsync);

    private async Task RefreshAsync()
    {
        _groups = await Api.CountMemoryAsync();
        _page = await Api.ListMemoryAsync(_filter, _pageNumber, PageSize);
        if (_page.Items.Count == 0 && _pageNumber > 1)
        {
            _pageNumber = PageCount;
            _page = await Api.ListMemoryAsync(_filter, _pageNumber, PageSize);
        }
    }

    private Task SearchAsync()
    {
        static string? Part(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        // The model box empty means "any model"; "(default)", in either language, asks for the engine's default model.
        var typed = _model?.Trim();
        var model = typed == "(default)" || typed == L["(default)"] ? "" : Part(_model);
        _filter = new MemoryFilterView(Part(_sourceLanguage), Part(_targetLanguage), Part(_engine), model, Part(_search));
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task OnSearchKeyAsync(KeyboardEventArgs args) => args.Key == "Enter" ? SearchAsync() : Task.CompletedTask;

    private Task ClearAsync()
    {
        (_sourceLanguage, _targetLanguage, _engine, _model, _search) = (null, null, null, null, null);
        return SearchAsync();
    }

    private Task ChooseGroupAsync(MemoryGroupCount group)
    {
        (_sourceLanguage, _targetLanguage, _engine) = (group.SourceLanguage, group.TargetLanguage, group.Engine);
        _model = group.Model.Length == 0 ? L["(default)"] : group.Model;
        return SearchAsync();
    }

    private Task GoToAsync(int page)
    {
        _pageNumber = page;
        return LoadAsync();
    }

    private async Task<bool> SaveAsync(MemoryEntry entry, string target)
    {
        var saved = false;
        await ActAsync(async () =>
        {
            await Api.UpdateMemoryEntryAsync(entry.Id, target);
            saved = true;
            _notice = L["Translation saved."];
            await RefreshAsync();
        });
        // The table calls this as a plain delegate, so this page does not re-render on its own.
        StateHasChanged();
        return saved;
    }

    private Task DeleteAsync() => ActAsync(async () =>
    {
        var entry = _deleting!;
        _deleting = null;
        await Api.DeleteMemoryEntryAsync(entry.Id);
        _notice = L["Entry deleted."];
        await RefreshAsync();
    });

    private Task DeleteAllAsync() => ActAsync(async () =>
    {
        _confirmDeleteAll = false;
        var result = await Api.DeleteMemoryEntriesAsync(_filter);
        _notice = L["Entries deleted: {0:N0}", result.Deleted];
        await RefreshAsync();
    });

    private Task ImportAsync(IBrowserFile file) => ActAsync(async () =>
    {
        _busy = true;
        try
        {
            await using var stream = file.OpenReadStream(MaxImportBytes);
            var result = await Api.ImportMemoryTmxAsync(stream);
            _notice = L["Import done. New: {0:N0}. Changed: {1:N0}. Unchanged: {2:N0}. Skipped: {3:N0}.", result.Created, result.Updated, result.Unchanged, result.Skipped];
            await RefreshAsync();
            _problems = [.. result.SkipReasons];
        }
        finally
        {
            _busy = false;
        }
    });

    private async Task ActAsync(Func<Task> action)
    {
        _problems = [];
        try
        {
            await action();
        }
        catch (ApiProblemException ex)
        {
            _problems = [.. FieldErrors.Messages(ex)];
        }
        catch (HttpRequestException ex)
        {
            _problems = [L["The FluxCaption Api cannot be reached: {0}", ex.Message]];
        }
    }
}
