namespace FluxCaption.Core.Libraries.Local;

/// <summary>A local library's root folder: as configured (lexical) and with its links resolved (real).</summary>
internal sealed record LocalRoot(string Lexical, string Real)
{
    public static LocalRoot Of(LibraryEntity library)
    {
        if (library.Source != MediaSourceKind.Local || string.IsNullOrWhiteSpace(library.Path))
        {
            throw new MediaSourceException("not_a_local_root", $"Library '{library.Name}' is not a local folder with a path.");
        }

        var lexical = LocalPaths.LexicalRoot(library.Path);
        var real = LocalPaths.RealPath(lexical);
        if (real is null || !Directory.Exists(real))
        {
            throw new MediaSourceException("root_not_found",
                $"The local folder '{lexical}' of library '{library.Name}' does not exist or cannot be reached.");
        }

        return new LocalRoot(lexical, real);
    }
}
