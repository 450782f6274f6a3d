using FluxCaption.Core.Media;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Ocr;

/// <summary>A private folder under Media:TempDirectory/ocr for one read's extracted track and caption images, deleted afterwards.</summary>
internal sealed class WorkFolder(MediaOptions media, ILogger logger) : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(media.TempDirectory, "ocr", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The Worker's temp cleanup sweeps what is left; the read itself succeeded or failed on its own.
            logger.LogWarning(exception, "Could not delete the OCR work folder {Path}", Path);
        }
    }
}
