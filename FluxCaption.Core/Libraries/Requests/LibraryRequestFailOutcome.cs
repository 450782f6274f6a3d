namespace FluxCaption.Core.Libraries.Requests;

public enum LibraryRequestFailOutcome
{
    /// <summary>Back to waiting until its backoff has passed.</summary>
    Retrying,

    /// <summary>That was the last attempt: the row stays, finished, with its error.</summary>
    Failed,

    /// <summary>The lease had passed to another process; nothing was written.</summary>
    LeaseLost,
}
