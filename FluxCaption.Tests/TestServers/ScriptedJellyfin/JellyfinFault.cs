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

    /// <summary>Sends <see cref="ScriptedJellyfinServer.BodyFaultBytes"/> bytes of the body, then closes the connection.</summary>
    DropBody,

    /// <summary>Sends <see cref="ScriptedJellyfinServer.BodyFaultBytes"/> bytes of the body, then sends nothing more, connection open.</summary>
    StallBody,

    /// <summary>Sends the body in <see cref="ScriptedJellyfinServer.TrickleChunkBytes"/> pieces, <see cref="ScriptedJellyfinServer.TrickleDelay"/> apart.</summary>
    TrickleBody,
}
