using FluxCaption.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>
/// The Ollama model a job gets when it names none: the one chosen in the settings (Models page) when
/// set, else Ollama:Model / the llm connection string. The setting lives in the database so every
/// process agrees; it is read at most every few seconds, because each batch asks and a change only
/// has to reach running workers soon, not within the same batch.
/// </summary>
public sealed class OllamaDefaultModel(IServiceScopeFactory scopes, IOptions<OllamaEngineOptions> options, TimeProvider? clock = null)
{
    /// <summary>How long a read of the setting is reused.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private string? _chosen;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The last known default, without reading the database (for tagging measurements).</summary>
    public string Current
    {
        get
        {
            lock (_gate)
            {
                return _chosen ?? options.Value.Model;
            }
        }
    }

    /// <summary>The default now: the setting when one is chosen, else the configured model.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_clock.GetUtcNow() - _readAt < RefreshInterval)
            {
                return _chosen ?? options.Value.Model;
            }
        }

        await using var scope = scopes.CreateAsyncScope();

        // A process without the settings store (a bare engine in a tool) simply has the configured model.
        var settings = scope.ServiceProvider.GetService<RuntimeSettings>();
        var chosen = settings is null ? null : await settings.GetOllamaDefaultModelAsync(cancellationToken);
        Remember(chosen);
        return chosen ?? options.Value.Model;
    }

    /// <summary>Takes a choice made in this process at once, so the next job here does not wait for the refresh.</summary>
    public void Remember(string? chosen)
    {
        lock (_gate)
        {
            _chosen = string.IsNullOrWhiteSpace(chosen) ? null : chosen.Trim();
            _readAt = _clock.GetUtcNow();
        }
    }
}
