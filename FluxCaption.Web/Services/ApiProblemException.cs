namespace FluxCaption.Web.Services;

/// <summary>
/// An Api call that did not succeed, carrying the ProblemDetails the Api sent so the page can show
/// the user what was wrong (which field, which rule) instead of a generic failure.
/// </summary>
public sealed class ApiProblemException(int statusCode, string title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    : Exception(detail is null ? title : $"{title} {detail}")
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>One readable sentence per problem, field errors first.</summary>
    public IEnumerable<string> Messages =>
        Errors.Count > 0
            ? Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))
            : [Detail ?? Title];
}
