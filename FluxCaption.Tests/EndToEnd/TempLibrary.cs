namespace FluxCaption.Tests.EndToEnd;

/// <summary>A temporary folder to add as a local library, one sub-folder per film; deleted with everything in it.</summary>
internal sealed class TempLibrary : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("fluxcaption-e2e-library-");

    public string Path => _root.FullName;

    /// <summary>Where the film's video goes (the folder is made).</summary>
    public string Video(string film) => System.IO.Path.Combine(_root.CreateSubdirectory(film).FullName, $"{film}.mkv");

    public string Sidecar(string film, string language) => System.IO.Path.Combine(_root.FullName, film, $"{film}.{language}.srt");

    public void Dispose() => _root.Delete(recursive: true);
}
