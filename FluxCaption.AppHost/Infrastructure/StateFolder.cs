namespace FluxCaption.AppHost.Infrastructure;

/// <summary>
/// The git-ignored folder (<c>.fluxcaption/</c> beside the solution unless FluxCaption:StateDirectory says
/// otherwise) that keeps the local databases, the API key and the env file across runs. Private to the
/// user running FluxCaption.
/// </summary>
public sealed class StateFolder
{
    public const string SettingName = "FluxCaption:StateDirectory";

    public StateFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        if (!OperatingSystem.IsWindows())
        {
            // 0711, not 0700: as root the database server runs as 'postgres' and must reach its folder.
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// The secret stored in <paramref name="name"/>, created once from <paramref name="create"/> and kept with
    /// owner-only permissions, so a restart keeps the same key.
    /// </summary>
    public string GetOrCreateSecret(string name, Func<string> create)
    {
        var file = Combine(name);
        if (File.Exists(file))
        {
            var existing = File.ReadAllText(file).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }

        var value = create();
        WritePrivate(file, value + "\n");
        return value;
    }

    /// <summary>Writes a file only its owner can read (the env file and keys hold secrets).</summary>
    public static void WritePrivate(string file, string contents)
    {
        var temporary = file + ".tmp";
        using (var stream = OperatingSystem.IsWindows()
            ? new FileStream(temporary, FileMode.Create, FileAccess.Write)
            : new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
