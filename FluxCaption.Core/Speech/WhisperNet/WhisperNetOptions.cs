using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>The in-process Whisper.net engine's settings (section "Speech:WhisperNet").</summary>
public sealed class WhisperNetOptions : IValidatableObject
{
    public const string SectionName = "Speech:WhisperNet";

    /// <summary>Model used when a job names none: a published name (tiny, base, small, large-v3-turbo...) or an absolute path to a ggml file.</summary>
    [Required]
    public string Model { get; set; } = "base";

    /// <summary>
    /// Where named models live, as ggml-&lt;name&gt;.bin. Not under the temp folder: its cleanup job would
    /// delete a model that has not been touched for a day.
    /// </summary>
    [Required]
    public string ModelsFolder { get; set; } = DefaultModelsFolder();

    /// <summary>
    /// Base address that serves ggml-&lt;name&gt;.bin files (the file name is appended). Empty: nothing is
    /// downloaded, and a missing model fails with the file and folder to place it in.
    /// </summary>
    public Uri? DownloadBaseUrl { get; set; }

    /// <summary>The download base address, or null when none is set (an empty setting binds to an empty relative Uri).</summary>
    internal Uri? DownloadSource => DownloadBaseUrl is { OriginalString.Length: > 0 } url ? url : null;

    /// <summary>CPU threads one transcription uses; 0 means one per processor core.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>A loaded model with no transcription in flight is released after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan IdleUnloadAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>One window may take this long (a 30 s window on a slow CPU with a large model takes minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00")]
    public TimeSpan WindowTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>One request to the download server may wait this long for its answer to start.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan DownloadRequestTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A whole download, resumes included (models are up to 3 GB).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "2.00:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Retries of a failed request, and resumes of a transfer whose connection dropped.</summary>
    [Range(0, 10)]
    public int DownloadMaxRetryAttempts { get; set; } = 3;

    /// <summary>First wait before a download retry (doubling after).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DownloadRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DownloadSource is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{nameof(DownloadBaseUrl)} must be an absolute http(s) address, or empty.", [nameof(DownloadBaseUrl)]);
        }

        if (DownloadTimeout <= DownloadRequestTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(DownloadTimeout)} must be longer than {nameof(DownloadRequestTimeout)}.", [nameof(DownloadTimeout)]);
        }

        if (!Path.IsPathFullyQualified(ModelsFolder))
        {
            yield return new ValidationResult($"{nameof(ModelsFolder)} must be an absolute path, not '{ModelsFolder}'.", [nameof(ModelsFolder)]);
        }
    }

    private static string DefaultModelsFolder()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(data) ? Path.GetTempPath() : data, "fluxcaption", "models", "whisper");
    }
}
