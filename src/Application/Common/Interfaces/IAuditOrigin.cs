namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Where the current piece of work comes from, for the audit trail: the authenticated caller of an HTTP request and
/// its client, or the command line (<c>operator</c>), or a background job (<c>system</c>). Implemented per host.
/// </summary>
public interface IAuditOrigin
{
    /// <summary>The acting user's id, <c>operator</c>, <c>system</c>, or null for an anonymous caller.</summary>
    string? ActorId { get; }

    string? IpAddress { get; }

    string? UserAgent { get; }
}
