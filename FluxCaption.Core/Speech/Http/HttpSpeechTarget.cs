namespace FluxCaption.Core.Speech.Http;

/// <summary>Who a request goes to, for error messages: the engine, the server's name, the address, and the settings to check.</summary>
/// <param name="KeySetting">The configuration key of the API key, named when the server answers 401 or 403; null when the engine sends none.</param>
/// <param name="NotFoundHint">Said when the server answers 404 (a wrong path is the usual cause).</param>
internal sealed record HttpSpeechTarget(string Engine, string ServerName, Uri Uri, string? KeySetting, string? NotFoundHint = null)
{
    public string Describe() => $"{ServerName} at {Uri.GetLeftPart(UriPartial.Path)}";
}

/// <summary>A successful reply's body and media type.</summary>
internal sealed record HttpSpeechReply(string Body, string? MediaType);
