using FluxCaption.Core.Settings;
using FluxCaption.Core.Speech;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FluxCaption.Api.Apis;

/// <summary>
/// <c>/api/settings/speech</c>: which engine and model make transcripts of videos without a text
/// subtitle. The choice is stored in the settings and applies to the next transcript on every worker.
/// </summary>
public static class SpeechSettingsEndpoints
{
    // Model names are short ("base", "large-v3-turbo", "Systran/faster-whisper-small"); a path fits too.
    // The limit is the one a job's and a subtitle document's model column has.
    private const int MaxModelLength = 200;

    public static RouteGroupBuilder MapSpeechSettings(this RouteGroupBuilder settings)
    {
        settings.MapGet("/speech", GetAsync).WithName("GetSpeechSettings").WithSummary("The speech engine and model, and which engines this installation can use");
        settings.MapPut("/speech", PutAsync).WithName("PutSpeechSettings").WithSummary("Choose the speech engine and model");
        return settings;
    }

    public static async Task<Ok<SpeechSettingsResponse>> GetAsync(RuntimeSettings settings, IConfiguration configuration, CancellationToken cancellationToken) =>
        TypedResults.Ok(Respond(await settings.GetSpeechChoiceAsync(cancellationToken), configuration));

    public static async Task<Results<Ok<SpeechSettingsResponse>, ValidationProblem>> PutAsync(
        SpeechSettingsRequest request, RuntimeSettings settings, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var engines = SpeechEngineCatalog.Read(configuration);
        var engine = engines.FirstOrDefault(candidate => string.Equals(candidate.Name, request.Engine?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (engine is null)
        {
            errors["engine"] = [$"Choose one of: {string.Join(", ", engines.Select(e => e.Name))}."];
        }
        else if (!engine.IsConfigured)
        {
            errors["engine"] = [$"\"{engine.Name}\" is not configured on this installation: {engine.Description}."];
        }

        var model = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim();
        if (model is not null && (model.Length > MaxModelLength || model.Any(char.IsControl)))
        {
            errors["model"] = [$"A model is a name or a path of at most {MaxModelLength} characters without control characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The speech settings are not valid.");
        }

        var choice = new SpeechChoice(engine!.Name, model);
        await settings.SaveSpeechChoiceAsync(choice, cancellationToken);
        return TypedResults.Ok(Respond(choice, configuration));
    }

    private static SpeechSettingsResponse Respond(SpeechChoice? saved, IConfiguration configuration)
    {
        var configured = configuration.GetSection(SpeechOptions.SectionName).Get<SpeechOptions>() ?? new SpeechOptions();
        var engine = saved?.Engine ?? configured.Engine;
        var model = saved is not null ? saved.Model : configured.Model;
        return new SpeechSettingsResponse(engine, string.IsNullOrWhiteSpace(model) ? null : model, saved is not null, SpeechEngineCatalog.Read(configuration));
    }
}

/// <param name="Model">Null for the engine's own default (Whisper.net: Speech:WhisperNet:Model).</param>
/// <param name="IsSaved">False while the configuration (Speech:Engine, Speech:Model) decides.</param>
public sealed record SpeechSettingsResponse(string Engine, string? Model, bool IsSaved, IReadOnlyList<SpeechEngineInfo> Engines);

public sealed record SpeechSettingsRequest(string? Engine, string? Model);
