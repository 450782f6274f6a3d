using Bunit;
using Bunit.Rendering;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Jobs;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The jobs page on the real Api: what each row says and the actions it offers.</summary>
public sealed class JobsPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task JobsAreListedNewestFirstWithErrorsAndAlreadyCoveredInPlainWords()
    {
        await _host.Data.AddJobAsync(null, "fr", JobStatus.Succeeded, progress: 1);
        await _host.Data.AddJobAsync(null, "de", JobStatus.Failed, "engine_error", "Ollama is not running.");
        await _host.Data.AddJobAsync(null, "es", JobStatus.Cancelled, "already_covered", "A Spanish track appeared.");

        var page = _host.Open<JobsPage>("http://localhost/jobs");

        page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("3 job(s)"), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=job-row-status]").Select(status => status.TextContent).ShouldBe(["not needed", "failed", "succeeded"]);
        page.FindAll("[data-testid=job-row-note]").Select(note => note.TextContent.Trim())
            .ShouldBe(["Already covered: A Spanish track appeared.", "Ollama is not running. (engine_error)", ""]);
        var rows = page.FindAll("[data-testid=job-table] tbody tr");
        rows[0].TextContent.ShouldNotContain("Retry");
        rows[1].TextContent.ShouldContain("Retry");
        rows[2].QuerySelector("a[href^='/download/']").ShouldNotBeNull();
    }

    [Fact]
    public async Task ARowSaysWhichItemItIsForAndWhyAQueuedJobWaits()
    {
        var library = await _host.Data.AddLibraryAsync("Shows");
        var episode = await _host.Data.AddEpisodeAsync(library, "Northern Lights", 1, 2, "The Pilot");
        var id = await _host.Data.AddJobAsync(episode.Id, "es", JobStatus.Queued);
        await using (var db = _host.Data.NewDbContext())
        {
            await db.Jobs.Where(job => job.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Stage, JobStage.Asr)
                .SetProperty(job => job.WaitReason, "Only a bitmap subtitle (hdmv_pgs_subtitle, en): it needs OCR; OCR is not available yet."), Ct);
        }

        var page = _host.Open<JobsPage>("http://localhost/jobs");

        page.WaitForAssertion(() => page.Find("[data-testid=job-row-subject]").TextContent.Trim().ShouldBe("Northern Lights S01E02 · The Pilot"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=job-row-subject] a").GetAttribute("href").ShouldBe($"items/{episode.Id}");
        page.Find("[data-testid=job-row-note]").TextContent.Trim()
            .ShouldBe("Waiting: Only a bitmap subtitle (hdmv_pgs_subtitle, en): it needs OCR; OCR is not available yet.");
    }

    [Fact]
    public async Task AStatusInTheLinkFiltersTheList()
    {
        await _host.Data.AddJobAsync(null, "fr", JobStatus.Succeeded, progress: 1);
        await _host.Data.AddJobAsync(null, "de", JobStatus.Failed, "engine_error", "Refused.");

        var page = _host.Open<JobsPage>("http://localhost/jobs?status=failed");

        page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("1 job(s)"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=job-row-status]").TextContent.ShouldBe("failed");
    }

    [Fact]
    public async Task CancellingAQueuedJobFromItsRowCancelsItAndOffersRetry()
    {
        var id = await _host.Data.AddJobAsync(null, "fr", JobStatus.Queued);
        var page = _host.Open<JobsPage>("http://localhost/jobs");
        page.WaitForAssertion(() => page.Find("[data-testid=job-row-status]").TextContent.ShouldBe("queued"), ItemsWebPageHost.Patience);

        var cancel = page.FindAll("[data-testid=job-table] button").Single(button => button.TextContent.Trim() == "Cancel");
        await cancel.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("[data-testid=job-row-status]").TextContent.ShouldBe("cancelled"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=job-table]").TextContent.ShouldContain("Retry");
        (await _host.Client.GetJobAsync(id, Ct)).Status.ShouldBe("cancelled");
    }

    [Theory]
    [InlineData("waiting for speech recognition (not available yet)", "Waiting for speech recognition (not available yet)")]
    [InlineData("Only a bitmap subtitle: it needs OCR.", "Waiting: Only a bitmap subtitle: it needs OCR.")]
    public void AWaitReasonReadsAsOneSentence(string reason, string note)
    {
        var job = new FluxCaption.Web.Services.JobView(Guid.NewGuid(), "queued", "asr", 0, null, "es", "apertium", null, "srt", null, null, 0, DateTimeOffset.UtcNow, null, null)
        {
            WaitReason = reason,
        };

        WebTexts.JobWords().Note(job).ShouldBe(note);
    }
}
