using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Sessions;

/// <summary>
/// A signed-in browser or client. It persists in the database until it expires or is revoked, so it
/// survives restarts and is shared by every service instance. The row holds the digest of the
/// <see cref="SessionToken"/>, never the token.
/// </summary>
public sealed class Session
{
    public const int MaxUserAgentLength = 512;
    public const int MaxIpAddressLength = 64;

    private Session()
    {
        Id = string.Empty;
        UserId = string.Empty;
        TokenDigest = [];
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>SHA-256 of the session token (see <see cref="SessionToken.ComputeDigest"/>).</summary>
    public byte[] TokenDigest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Last time the row was written: creation or the latest sliding refresh.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>End of the sliding window; moves forward on refresh, never past <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Hard end of the session, fixed at creation.</summary>
    public DateTimeOffset AbsoluteExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public SessionRevocationReason? RevocationReason { get; private set; }

    public bool RememberMe { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>
    /// How the user proved who they are (RFC 8176 values, space-separated, e.g. "pwd otp mfa"); decided by the
    /// sign-in policy when the session starts. Null on sessions from before it was recorded, and on imports.
    /// </summary>
    public string? AuthenticationMethods { get; private set; }

    public const int MaxAuthenticationMethodsLength = 64;

    /// <summary>The organization the session works in (BetterAuth's activeOrganizationId); null for none.</summary>
    public string? ActiveOrganizationId { get; private set; }

    /// <summary>The team the session works in (BetterAuth's activeTeamId), a team of the active organization; null for none.</summary>
    public string? ActiveTeamId { get; private set; }

    /// <summary>
    /// Switches the organization the session works in (the caller has checked the membership). A team belongs to
    /// one organization, so a change of organization clears the active team.
    /// </summary>
    public void SetActiveOrganization(string? organizationId)
    {
        if (ActiveOrganizationId != organizationId)
        {
            ActiveTeamId = null;
        }

        ActiveOrganizationId = organizationId;
    }

    /// <summary>Switches the team the session works in (the caller has checked it is the caller's team in the active organization).</summary>
    public void SetActiveTeam(string? teamId) => ActiveTeamId = teamId;

    /// <summary>
    /// The administrator who opened this session as its user (BetterAuth's impersonatedBy); null for the user's own.
    /// Such a session has a fixed end and is never remembered nor refreshed.
    /// </summary>
    public string? ImpersonatedBy { get; private set; }

    public const int MaxUserIdLength = 64;

    /// <summary>
    /// Starts a session. Only the sign-in pipeline (Application's SessionIssuer) calls this: it alone decides
    /// whether a way of signing in may end in a session (an architecture test keeps it so).
    /// </summary>
    public static Session Start(string userId, SessionToken token, SessionLifetime lifetime, bool rememberMe, string? ipAddress, string? userAgent, DateTimeOffset now, string? authenticationMethods = null)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw new DomainRuleException("A session belongs to a user.");
        }

        var absolute = now + lifetime.AbsoluteLifetime;
        return new Session
        {
            Id = RandomId.New(),
            UserId = userId,
            TokenDigest = token.ComputeDigest(),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = Min(now + lifetime.SlidingWindow(rememberMe), absolute),
            AbsoluteExpiresAt = absolute,
            RememberMe = rememberMe,
            IpAddress = Truncate(ipAddress, MaxIpAddressLength),
            UserAgent = Truncate(userAgent, MaxUserAgentLength),
            AuthenticationMethods = Truncate(authenticationMethods, MaxAuthenticationMethodsLength),
        };
    }

    /// <summary>
    /// Starts an impersonation: a session of <paramref name="userId"/> opened by the administrator
    /// <paramref name="impersonatedBy"/>, ending <paramref name="duration"/> from now whatever its use (its sliding
    /// window is its whole life, so it is never refreshed). Only the sign-in pipeline calls this.
    /// </summary>
    public static Session Start(string userId, SessionToken token, string impersonatedBy, TimeSpan duration, string? ipAddress, string? userAgent, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(impersonatedBy) || impersonatedBy.Length > MaxUserIdLength)
        {
            throw new DomainRuleException("An impersonation session belongs to a user and names the administrator who opened it.");
        }

        if (duration <= TimeSpan.Zero)
        {
            throw new DomainRuleException("An impersonation session lasts a positive time.");
        }

        return new Session
        {
            Id = RandomId.New(),
            UserId = userId,
            TokenDigest = token.ComputeDigest(),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + duration,
            AbsoluteExpiresAt = now + duration,
            RememberMe = false,
            IpAddress = Truncate(ipAddress, MaxIpAddressLength),
            UserAgent = Truncate(userAgent, MaxUserAgentLength),
            ImpersonatedBy = impersonatedBy,
        };
    }

    /// <summary>Recreates a session that exists elsewhere (an import) from its token digest.</summary>
    public static Session Restore(string id, string userId, byte[] tokenDigest, DateTimeOffset createdAt, DateTimeOffset updatedAt, DateTimeOffset expiresAt, SessionLifetime lifetime, string? ipAddress, string? userAgent)
    {
        if (tokenDigest.Length != SessionToken.DigestLength)
        {
            throw new DomainRuleException("A session token digest is 32 bytes.");
        }

        var absolute = createdAt + lifetime.AbsoluteLifetime;
        return new Session
        {
            Id = id,
            UserId = userId,
            TokenDigest = tokenDigest,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            ExpiresAt = Min(expiresAt, absolute),
            AbsoluteExpiresAt = absolute,
            RememberMe = true,
            IpAddress = Truncate(ipAddress, MaxIpAddressLength),
            UserAgent = Truncate(userAgent, MaxUserAgentLength),
        };
    }

    public SessionStatus StatusAt(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return SessionStatus.Revoked;
        }

        if (now >= AbsoluteExpiresAt)
        {
            return SessionStatus.LifetimeExceeded;
        }

        return now >= ExpiresAt ? SessionStatus.Expired : SessionStatus.Live;
    }

    public bool IsLiveAt(DateTimeOffset now) => StatusAt(now) == SessionStatus.Live;

    /// <summary>True when a use at <paramref name="now"/> should slide the session (and write the row).</summary>
    public bool IsRefreshDue(SessionLifetime lifetime, DateTimeOffset now) =>
        IsLiveAt(now)
        && now - UpdatedAt >= lifetime.UpdateAge
        && Min(now + lifetime.SlidingWindow(RememberMe), AbsoluteExpiresAt) > ExpiresAt;

    /// <summary>
    /// Slides the session forward if a refresh is due. Returns false (and changes nothing) otherwise,
    /// which keeps writes to at most one per update age.
    /// </summary>
    public bool Refresh(SessionLifetime lifetime, DateTimeOffset now)
    {
        if (!IsRefreshDue(lifetime, now))
        {
            return false;
        }

        ExpiresAt = Min(now + lifetime.SlidingWindow(RememberMe), AbsoluteExpiresAt);
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Takes over a later expiry that the session reached in the system it was imported from (it slid
    /// there after an earlier import). Never past the absolute lifetime, never for a revoked session.
    /// </summary>
    public bool ExtendFromImport(DateTimeOffset expiresAt, DateTimeOffset updatedAt)
    {
        var capped = Min(expiresAt, AbsoluteExpiresAt);
        if (RevokedAt is not null || capped <= ExpiresAt || updatedAt <= UpdatedAt)
        {
            return false;
        }

        ExpiresAt = capped;
        UpdatedAt = updatedAt;
        return true;
    }

    /// <summary>Ends the session. Revoking twice keeps the first time and reason.</summary>
    public void Revoke(SessionRevocationReason reason, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevocationReason = reason;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
