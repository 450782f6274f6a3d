namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>Ways the scripted Jellyfin misbehaves for the requests a <see cref="ScriptedJellyfinServer.Fail"/> rule matches.</summary>
internal enum JellyfinFault
{
    /// <summary>500 with a .NET-style error text, as Jellyfin answers an unhandled exception.</summary>
    ServerError,

    /// <summary>Never answers (until the client gives up or the server stops).</summary>
    Hang,

    /// <summary>Answers normally after <see cref="ScriptedJellyfinServer.SlowDelay"/>.</summary>
    Slow,
}
