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
            // Nobody else may list or read it. As root, 0711 rather than 0700: the database server then runs
            // as 'postgres' and must pass through to its own (0700) folder; every secret file is 0600.
            var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            File.SetUnixFileMode(Path, Environment.IsPrivilegedProcess ? owner | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : owner);
        }
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A sub-folder only its owner can list, read or enter (Redis's data, temp files).</summary>
    public string CreatePrivateDirectory(string name)
    {
        var folder = Combine(name);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    /// <summary>A password made here once and kept in <paramref name="name"/> (hex: safe in SQL, config files and connection strings).</summary>
    public string GetOrCreatePassword(string name) =>
        GetOrCreateSecret(name, () => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

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
