namespace FluxCaption.Tests.Web.Localization;

/// <summary>
/// The Web app speaks English and Simplified Chinese: every text shown through a localizer must have its
/// Chinese translation, no translation may outlive its text, and the localized pages must not show English
/// that bypasses the localizer. Each failure lists file, line and text so the fix is obvious.
/// </summary>
public sealed class WebTranslationGuardTests
{
    /// <summary>
    /// The .razor files (folders or single files, relative to FluxCaption.Web) whose markup is fully localized and
    /// checked for bare English. Widen this as pages are localized; "Components" covers the whole app.
    /// </summary>
    public static readonly IReadOnlyList<string> LocalizedMarkup = ["Components"];

    /// <summary>
    /// Files that look their keys up from a table of their own, each table checked by a test of its own
    /// (<see cref="ApiFieldErrorsTests"/>): the only places a key may be a variable.
    /// </summary>
    public static readonly IReadOnlyList<string> TableDrivenKeys = ["FluxCaption.Web/Services/ApiFieldErrors.cs"];

    [Fact]
    public void EveryTextShownThroughALocalizerHasAChineseTranslation()
    {
        var problems = new List<string>();
        var resources = new Dictionary<string, IReadOnlyDictionary<string, string>?>();
        foreach (var use in WebSources.Uses())
        {
            var type = WebSources.WebType(use.TypeName);
            if (type is null)
            {
                problems.Add($"{use.File}:{use.Line}: IStringLocalizer<{use.TypeName}> names no type of FluxCaption.Web");
                continue;
            }

            var path = WebSources.ResourceFile(type);
            if (!resources.TryGetValue(path, out var entries))
            {
                entries = resources[path] = File.Exists(path) ? WebSources.ReadResource(path) : null;
            }

            if (entries is null || !entries.TryGetValue(use.Key, out var chinese) || string.IsNullOrWhiteSpace(chinese))
            {
                problems.Add($"{use.File}:{use.Line}: \"{use.Key}\" has no Chinese text in {WebSources.Relative(path)}{(entries is null ? " (the file does not exist)" : "")}");
            }
        }

        problems.AddRange(WebSources.NonLiteralKeys().Where(call => !TableDrivenKeys.Any(file => call.StartsWith(file + ":", StringComparison.Ordinal))).Select(call => $"{call} (a key must be a literal English text, with {{0}} for its varying parts)"));
        problems.ShouldBeEmpty(Report("Texts without a Chinese translation", problems));
    }

    [Fact]
    public void NoChineseTranslationOutlivesItsEnglishText()
    {
        var used = WebSources.Uses().ToLookup(use => use.TypeName, use => use.Key);
        var problems = new List<string>();
        foreach (var path in WebSources.ResourceFiles())
        {
            var type = WebSources.WebType(Path.GetFileName(path)[..^".zh-CN.resx".Length]);
            if (type is null || WebSources.ResourceFile(type) != path)
            {
                problems.Add($"{WebSources.Relative(path)}: no component or class of FluxCaption.Web reads it (it belongs beside its type's namespace path)");
                continue;
            }

            // A key kept in a table (a literal passed to the localizer later) counts as used, like a direct call.
            var literals = used[type.Name].Concat(WebSources.FilesOf(type).SelectMany(WebSources.Literals)).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(WebSources.ReadResource(path).Keys.Where(key => !literals.Contains(key))
                .Select(key => $"{WebSources.Relative(path)}: \"{key}\" is no longer used by {type.Name}"));
        }

        problems.ShouldBeEmpty(Report("Stale translations", problems));
    }

    [Fact]
    public void LocalizedPagesShowNoEnglishThatBypassesTheLocalizer()
    {
        var files = WebSources.SourceFiles()
            .Where(file => file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => LocalizedMarkup.Any(entry => IsUnder(file, entry)))
            .ToList();
        files.ShouldNotBeEmpty("the localized folders should hold .razor files");

        var problems = files.SelectMany(file => RazorMarkup.BareText(File.ReadAllText(file), [.. WebSources.Localizers(file).Keys])
            .Select(text => $"{WebSources.Relative(file)}:{text}")).ToList();

        problems.ShouldBeEmpty(Report("English outside a localizer (wrap it in L[\"...\"], or add a name that never changes to RazorMarkup.AllowedWords)", problems));
    }

    [Theory]
    [InlineData("<MudText>Saved</MudText>", true)]
    [InlineData("<MudText>@L[\"Saved\"]</MudText>", false)]
    [InlineData("<MudTextField Label=\"Model\" />", true)]
    [InlineData("<MudTextField Label=\"@L[\"Model\"]\" Placeholder=\"zh-Hant\" />", false)]
    [InlineData("<MudIconButton aria-label=\"Delete\" />", true)]
    [InlineData("<td>@(x ? \"yes\" : \"No way\")</td>", true)]
    [InlineData("<td>@(x ? L[\"Yes\"] : L[\"No way\"])</td>", false)]
    [InlineData("@if (x is null)\n{\n    <b>@L[\"None\"]</b>\n}\nelse if (y)\n{\n    <i>FluxCaption</i>\n}\nelse\n{\n}", false)]
    [InlineData("<PageTitle>@L[\"Models\"] - FluxCaption</PageTitle>\n@code {\n    private string _x = \"Hidden in code\";\n}", false)]
    [InlineData("<MudButton OnClick=\"@(() => Go(\"a\"))\">Go on</MudButton>", true)]
    public void TheMarkupCheckTellsBareEnglishFromLocalizedText(string razor, bool flagged) =>
        RazorMarkup.BareText(razor, ["L"]).Count.ShouldBe(flagged ? 1 : 0, string.Join(", ", RazorMarkup.BareText(razor, ["L"])));

    private static bool IsUnder(string file, string entry)
    {
        var relative = Path.GetRelativePath(WebSources.WebRoot, file).Replace('\\', '/');
        return relative == entry || relative.StartsWith(entry.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    private static string Report(string title, IReadOnlyCollection<string> problems) =>
        $"{title} ({problems.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
}
