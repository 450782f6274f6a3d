using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web.Localization;

/// <summary>One text a file passes to a localizer: where, through which component's resources, and the English key.</summary>
internal sealed record LocalizerUse(string File, int Line, string TypeName, string Key);

/// <summary>
/// Reads the Web project's sources as text: which localizer each file declares (`@inject IStringLocalizer&lt;T&gt; L`,
/// a field, a parameter), which literal keys it passes to them, and the zh-CN resources those keys must be in.
/// </summary>
internal static partial class WebSources
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string WebRoot { get; } = Path.Combine(RepositoryRoot, "FluxCaption.Web");

    public static string ResourcesRoot { get; } = Path.Combine(WebRoot, "Resources");

    public static IReadOnlyList<string> SourceFiles() =>
        [.. Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)];

    public static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    /// <summary>The localizers a file can use by name: those declared in any part of its type (Foo.razor, Foo.razor.cs, Foo.Filters.cs).</summary>
    public static IReadOnlyDictionary<string, string> Localizers(string file)
    {
        var declarations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in Parts(Path.GetDirectoryName(file)!, Path.GetFileName(file).Split('.')[0]))
        {
            foreach (Match match in Declaration().Matches(File.ReadAllText(source)))
            {
                declarations[match.Groups["name"].Value] = match.Groups["type"].Value.Split('.')[^1];
            }
        }

        return declarations;
    }

    /// <summary>Every `name["literal"...]` and `name.GetString("literal"...)` of a declared localizer in the Web project.</summary>
    public static IReadOnlyList<LocalizerUse> Uses() =>
        [.. SourceFiles().SelectMany(file =>
        {
            var text = File.ReadAllText(file);
            return Localizers(file).SelectMany(localizer => KeyCalls(localizer.Key).Matches(text)
                .Select(match => new LocalizerUse(Relative(file), LineOf(text, match.Index), localizer.Value, Unescape(match.Groups["key"].Value, match.Groups["verbatim"].Success))));
        })];

    /// <summary>Calls whose key is not a literal (an interpolated string, a variable): no resource can be checked for them.</summary>
    public static IReadOnlyList<string> NonLiteralKeys() =>
        [.. SourceFiles().SelectMany(file =>
        {
            var text = File.ReadAllText(file);
            return Localizers(file).Keys.SelectMany(name => AnyCall(name).Matches(text)
                .Where(match => !match.Groups["rest"].Value.StartsWith('"') && !match.Groups["rest"].Value.StartsWith("@\"", StringComparison.Ordinal))
                .Select(match => $"{Relative(file)}:{LineOf(text, match.Index)}: {match.Value.Trim()}..."));
        })];

    /// <summary>The Web project's component or class of that name (the type whose resources a localizer reads).</summary>
    public static Type? WebType(string name) =>
        typeof(FluxCaptionApiClient).Assembly.GetTypes().FirstOrDefault(type => type.Name == name && !type.IsNested);

    /// <summary>Where `IStringLocalizer&lt;T&gt;` looks for T's Chinese text: Resources/ + T's namespace path below the root namespace.</summary>
    public static string ResourceFile(Type type) =>
        Path.Combine([ResourcesRoot, .. type.FullName!["FluxCaption.Web.".Length..].Split('.')[..^1], $"{type.Name}.zh-CN.resx"]);

    public static IReadOnlyList<string> ResourceFiles() =>
        Directory.Exists(ResourcesRoot)
            ? [.. Directory.EnumerateFiles(ResourcesRoot, "*.zh-CN.resx", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    public static IReadOnlyDictionary<string, string> ReadResource(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The files that make up a type: T.razor, T.razor.cs, T.cs, T.*.cs in its folder.</summary>
    public static IReadOnlyList<string> FilesOf(Type type) =>
        Parts(Path.Combine([WebRoot, .. type.Namespace!["FluxCaption.Web".Length..].Split('.', StringSplitOptions.RemoveEmptyEntries)]), type.Name);

    private static IReadOnlyList<string> Parts(string folder, string typeName) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder)
                .Where(path => Path.GetFileName(path).Split('.')[0] == typeName)
                .Where(path => path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))]
            : [];

    /// <summary>Every C# string literal in a file, unescaped (a key kept in a table and passed on later counts as used).</summary>
    public static IEnumerable<string> Literals(string file) =>
        Literal().Matches(File.ReadAllText(file)).Select(match => Unescape(match.Groups["key"].Value, match.Groups["verbatim"].Success));

    public static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    public static string Unescape(string body, bool verbatim) =>
        verbatim ? body.Replace("\"\"", "\"", StringComparison.Ordinal) : Regex.Unescape(body);

    private static Regex KeyCalls(string name) =>
        new($@"(?<![\w.]){Regex.Escape(name)}(?:\[|\.GetString\()\s*{LiteralPattern}");

    private static Regex AnyCall(string name) =>
        new($@"(?<![\w.]){Regex.Escape(name)}(?:\[|\.GetString\()\s*(?<rest>\S\S?)");

    private const string LiteralPattern = @"(?:(?<verbatim>@)""(?<key>(?:[^""]|"""")*)""|""(?<key>(?:[^""\\\n]|\\.)*)"")";

    [GeneratedRegex(LiteralPattern)]
    private static partial Regex Literal();

    [GeneratedRegex(@"IStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)")]
    private static partial Regex Declaration();

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(WebRoot, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FluxCaption.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No FluxCaption.sln above {AppContext.BaseDirectory}: the guard reads the Web project's sources from the repository.");
    }
}
