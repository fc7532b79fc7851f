using AuthPlatform.Application.Common.Models;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>
/// A user who has proven one factor by <paramref name="Method"/> and now asks for a session.
/// <paramref name="TrustedDevice"/> is the browser's trust_device token, if any; <paramref name="ReplacedToken"/>
/// is the session cookie the new one replaces (that session ends with the sign-in).
/// </summary>
public sealed record SignInAttempt(
    User User,
    SignInMethod Method,
    bool RememberMe,
    ClientInfo Client,
    SessionToken? TrustedDevice = null,
    SessionToken? ReplacedToken = null);
