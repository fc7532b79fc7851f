using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Sessions.GetSession;

/// <summary>
/// Who holds this token? GET /get-session, and the session check behind every authenticated route.
/// Its one side effect is the sliding refresh, written at most once per update age.
/// </summary>
/// <param name="CredentialSource">"cookie" or "bearer", for the rejection log.</param>
public sealed record GetSessionQuery(SessionToken Token, bool DisableRefresh, string CredentialSource)
    : IQuery<Result<SessionLookup>>;

/// <summary>
/// The answer: a live session, or why there is none. A store failure is never an answer here: it is an
/// exception and becomes 503, so a database outage can never look like "signed out".
/// </summary>
public sealed record SessionLookup(CurrentSession? Current, CredentialRejection? Rejection, bool Refreshed)
{
    public static SessionLookup Rejected(CredentialRejection rejection) => new(null, rejection, false);
}

/// <summary>A live session and its user.</summary>
public sealed record CurrentSession(SessionDto Session, UserDto User, bool RememberMe)
{
    /// <summary>
    /// True for an answer held by the session cache: the same object comes back for every hit until the
    /// session or user changes, so work derived from it (a signed token) may be reused with it.
    /// </summary>
    public bool IsCachedAnswer { get; init; }

    /// <summary>
    /// The caller's roles (comma-separated) in the session's active organization, or null; read with the session and
    /// held with it in the cache, which a change of the membership invalidates (the members table notifies, ADR 0133).
    /// </summary>
    public string? ActiveOrganizationRole { get; init; }
}
