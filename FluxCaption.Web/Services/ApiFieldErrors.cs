using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Web.Services;

/// <summary>
/// The Api's field errors in the reader's language. The Api writes them in English; a message whose
/// wording the Web app knows (listed in <see cref="Known"/>, the Api's text with its varying parts as
/// {0}, {1}) is translated through this class's resources, any other is shown as the Api wrote it.
/// Pages take a field's messages with <see cref="Of"/> and show them next to that field.
/// </summary>
public sealed partial class ApiFieldErrors(IStringLocalizer<ApiFieldErrors> localizer)
{
    /// <summary>The Api's messages this class translates; each is a resource key as it stands.</summary>
    internal static readonly IReadOnlyList<string> Known =
    [
        "url is required (e.g. http://jellyfin:8096).",
        "'{0}' is not an absolute http or https URL.",
        "url must be the server's base address, without query, fragment or credentials.",
        "url is required: no Jellyfin URL is stored yet.",
        "apiKey is required: no key is stored yet.",
        "apiKey must not be blank; leave it out to keep the stored key.",
        "'{0}' is not of the form 'covering=covered' with two known languages (e.g. 'zh-Hant=zh-Hans').",
        "A model is a name or a path of at most {0} characters without control characters.",
        "{0} is required (e.g. 'en', 'zh-Hans', 'pt-BR').",
        "'{0}' is not a language code FluxCaption knows.",
        "{0} must not be empty.",
        "{0} is {1} characters; the limit is {2}.",
        "{0} must be a single line.",
    ];

    private static readonly IReadOnlyList<(Regex Pattern, string Key)> Patterns = [.. Known.Select(key => (ToPattern(key), key))];

    /// <summary>The messages for <paramref name="field"/> (the Api's name for it, e.g. "url"), translated, or null when it has none.</summary>
    public string? Of(ApiProblemException problem, string field) =>
        problem.Errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? string.Join(" ", messages.Select(Translate))
            : null;

    /// <summary>Every problem as one sentence, like <see cref="ApiProblemException.Messages"/>, with known field errors translated.</summary>
    public IEnumerable<string> Messages(ApiProblemException problem) =>
        problem.Errors.Count > 0
            ? problem.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {Translate(message)}"))
            : problem.Messages;

    public string Translate(string message)
    {
        foreach (var (pattern, key) in Patterns)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return localizer[key, [.. match.Groups.Values.Skip(1).Select(group => (object)group.Value)]];
            }
        }

        return message;
    }

    // "'{0}' is not ..." becomes ^'(.*?)'\ is\ not ...$: the key's fixed text must match exactly; a quoted part may be
    // anything, an unquoted one (a field name, a number) is one word, so "{0} must not be empty." cannot swallow a sentence.
    private static Regex ToPattern(string key)
    {
        var escaped = QuotedPlaceholder().Replace(Regex.Escape(key), "'(.*?)'");
        return new($"^{Placeholder().Replace(escaped, @"(\S+?)")}$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"'\\\{\d+}'")]
    private static partial Regex QuotedPlaceholder();

    [GeneratedRegex(@"\\\{\d+}")]
    private static partial Regex Placeholder();
}
