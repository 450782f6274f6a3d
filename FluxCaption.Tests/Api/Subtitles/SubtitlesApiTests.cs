using System.Net;
using System.Net.Http.Json;
using FluxCaption.Contracts.Subtitles;
using FluxCaption.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static FluxCaption.Tests.Api.Subtitles.SubtitleTestData;

namespace FluxCaption.Tests.Api.Subtitles;

/// <summary>The subtitle preview and editor calls of the Api, on a real database (no worker: nothing is written back here).</summary>
public sealed class SubtitlesApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ATranslationShowsEachCueBesideItsSourceWithWhatItsJobRecorded()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);

        var view = await _client.GetFromJsonAsync<SubtitleDocumentView>($"/api/subtitles/{seeded.TranslationId}", Ct);

        view.ShouldNotBeNull();
        view.Document.Kind.ShouldBe(SubtitleKinds.Translation);
        view.Document.Version.ShouldBe(1);
        view.Document.EditedByPerson.ShouldBeFalse();
        view.JobId.ShouldBe(seeded.JobId);
        view.SourceDocumentId.ShouldBe(seeded.SourceId);
        view.Cues.Select(cue => (cue.StartMs, cue.EndMs)).ShouldBe([(1000L, 2000L), (3000L, 4000L), (5000L, 6500L)]);
        view.Cues.Select(cue => cue.SourceText).ShouldBe(["Where is the ring?", "Frodo has it.", "Run, you fools!"]);
        view.Cues[0].Markers.ShouldHaveSingleItem().ShouldBe(new CueMarker(CueMarkerKinds.Warning, "fallback_engine", "apertium translated this line."));
        view.Cues[1].Markers.ShouldHaveSingleItem().ShouldBe(new CueMarker(CueMarkerKinds.KeptSource, "kept_source", KeptReason));
        view.Cues[2].Markers.ShouldHaveSingleItem().Kind.ShouldBe(CueMarkerKinds.Untranslated);
        view.CanWriteBack.ShouldBeFalse();
        view.WriteBackBlockedReason.ShouldNotBeNull().ShouldContain("uploaded file");
    }

    [Fact]
    public async Task ASourceShowsItsCuesWithoutMarks()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);

        var view = await _client.GetFromJsonAsync<SubtitleDocumentView>($"/api/subtitles/{seeded.SourceId}", Ct);

        view!.Document.Kind.ShouldBe(SubtitleKinds.Source);
        view.Cues.Select(cue => cue.Text).ShouldBe(["Where is the ring?", "Frodo has it.", "Run, you fools!"]);
        view.Cues.ShouldAllBe(cue => cue.SourceText == null && cue.Markers.Count == 0);
        view.WriteBackBlockedReason.ShouldNotBeNull().ShouldContain("Only a translation");
    }

    [Fact]
    public async Task SavingEditedCuesAddsAVersionMarkedAsAPersonsAndKeepsTheOneEdited()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);

        var second = await SaveAsync(seeded.TranslationId, new NewSubtitleVersionRequest([new SubtitleCueEdit(1, 3000, 4000, "Frodo lo tiene.")], "Ana"));
        var third = await SaveAsync(second.Document.Id, new NewSubtitleVersionRequest([new SubtitleCueEdit(2, 5000, 7000, "¡Corred,\ninsensatos!")], null));

        second.Document.Version.ShouldBe(2);
        second.Document.EditedByPerson.ShouldBeTrue();
        second.Document.EditedBy.ShouldBe("Ana");
        second.Document.PreviousVersionId.ShouldBe(seeded.TranslationId);
        second.Cues[1].Markers.ShouldBeEmpty();
        third.Document.Version.ShouldBe(3);
        third.Document.PreviousVersionId.ShouldBe(second.Document.Id);
        third.Document.FirstVersionId.ShouldBe(seeded.TranslationId);
        third.Cues.Select(cue => cue.Text).ShouldBe(["¿Dónde está el anillo?", "Frodo lo tiene.", "¡Corred,\ninsensatos!"]);
        third.Cues[2].EndMs.ShouldBe(7000);
        third.Cues[2].SourceText.ShouldBe("Run, you fools!");
        third.Versions.Select(version => version.Version).ShouldBe([1, 2, 3]);
        (await DocumentAsync(_factory.DatabaseConnectionString, seeded.TranslationId)).Content.ShouldBe(SpanishSrt);
        var listed = await _client.GetFromJsonAsync<List<SubtitleVersionSummary>>($"/api/subtitles?jobId={seeded.JobId}", Ct);
        listed!.Select(summary => (summary.Kind, summary.Version, summary.EditedByPerson)).ShouldBe(
            [(SubtitleKinds.Source, 1, false), (SubtitleKinds.Translation, 1, false), (SubtitleKinds.Translation, 2, true), (SubtitleKinds.Translation, 3, true)]);
    }

    [Fact]
    public async Task ACorrectedLineAlsoCorrectsTheTranslationMemoryOfItsJobsScope()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);
        await MemoryTestEntries.AddAsync(_factory.DatabaseConnectionString,
            MemoryTestEntries.Entry("Frodo has it.", "Frodo has it.", keptReason: "the engine answered in English twice"),
            MemoryTestEntries.Entry("Frodo has it.", "Frodo lo tiene ya.", engine: "apertium", model: ""));

        await SaveAsync(seeded.TranslationId, new NewSubtitleVersionRequest([new SubtitleCueEdit(1, 3000, 4000, "Frodo lo tiene.")], "Ana"));

        var entries = await MemoryTestEntries.AllAsync(_factory.DatabaseConnectionString);
        var corrected = entries.Single(entry => entry.Engine == "ollama");
        corrected.TargetText.ShouldBe("Frodo lo tiene.");
        corrected.KeptReason.ShouldBeNull();
        corrected.EditedAt.ShouldNotBeNull();
        var otherScope = entries.Single(entry => entry.Engine == "apertium");
        otherScope.TargetText.ShouldBe("Frodo lo tiene ya.");
        otherScope.EditedAt.ShouldBeNull();
    }

    [Fact]
    public async Task TheEditorHeaderNamesThePersonWhenTheBodyDoesNot()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/subtitles/{seeded.TranslationId}/versions")
        {
            Content = JsonContent.Create(new NewSubtitleVersionRequest([], null)),
        };
        request.Headers.Add("X-FluxCaption-Editor", "Li Wei");

        using var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await response.Content.ReadFromJsonAsync<SubtitleDocumentView>(Ct);
        view!.Document.EditedBy.ShouldBe("Li Wei");
        (await DocumentAsync(_factory.DatabaseConnectionString, view.Document.Id)).Content.ShouldBe(SpanishSrt);
    }

    [Fact]
    public async Task InvalidEditsAreRefusedNamingTheCueAndTheField()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);

        using var response = await _client.PostAsJsonAsync($"/api/subtitles/{seeded.TranslationId}/versions", new NewSubtitleVersionRequest(
        [
            new SubtitleCueEdit(0, 2000, 1500, "¿Dónde?"),
            new SubtitleCueEdit(1, -5, 4000, "Frodo\n\nlo tiene."),
            new SubtitleCueEdit(7, 0, 100, "Nada"),
        ], null), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        problem!.Errors.Keys.ShouldBe(["cues[0].endMs", "cues[1].startMs", "cues[1].text", "cues[7].index"], ignoreOrder: true);
        problem.Errors["cues[0].endMs"].ShouldHaveSingleItem().ShouldStartWith("Cue 1 must end after it starts");
        problem.Errors["cues[1].text"].ShouldHaveSingleItem().ShouldContain("blank line");
        problem.Errors["cues[7].index"].ShouldHaveSingleItem().ShouldContain("cues 0 to 2");
        var listed = await _client.GetFromJsonAsync<List<SubtitleVersionSummary>>($"/api/subtitles?jobId={seeded.JobId}", Ct);
        listed!.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AnUploadJobsTranslationCannotBeWrittenBackButItsNewVersionDownloads()
    {
        var seeded = await AddUploadJobAsync(_factory.DatabaseConnectionString);
        var edited = await SaveAsync(seeded.TranslationId, new NewSubtitleVersionRequest([new SubtitleCueEdit(1, 3000, 4000, "Frodo lo tiene.")], "Ana"));

        using var writeback = await _client.PostAsync($"/api/subtitles/{edited.Document.Id}/writeback", null, Ct);
        using var download = await _client.GetAsync($"/api/subtitles/{edited.Document.Id}/file", Ct);

        writeback.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await writeback.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail.ShouldNotBeNull().ShouldContain("download it instead");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("film.es.v2.srt");
        (await download.Content.ReadAsStringAsync(Ct)).ShouldContain("Frodo lo tiene.");
    }

    [Fact]
    public async Task ListingNeedsEitherAnItemOrAJob()
    {
        using var neither = await _client.GetAsync("/api/subtitles", Ct);
        using var unknown = await _client.GetAsync($"/api/subtitles?jobId={Guid.NewGuid()}", Ct);
        using var missing = await _client.GetAsync($"/api/subtitles/{Guid.NewGuid()}", Ct);

        neither.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await neither.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys.ShouldBe(["itemId"]);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<SubtitleDocumentView> SaveAsync(Guid id, NewSubtitleVersionRequest request)
    {
        using var response = await _client.PostAsJsonAsync($"/api/subtitles/{id}/versions", request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Location.ShouldNotBeNull();
        return (await response.Content.ReadFromJsonAsync<SubtitleDocumentView>(Ct))!;
    }
}
