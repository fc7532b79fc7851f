using AuthPlatform.Application.Common.Models;

namespace AuthPlatform.WebApi.Contracts;

// Response bodies, in BetterAuth's wire shapes (camelCase, ISO-8601 UTC timestamps).

/// <summary>POST /sign-up/email.</summary>
public sealed record SignUpResponse(string? Token, UserDto User);

/// <summary>POST /sign-in/email. <c>redirect</c> is always false: no callback redirects are issued.</summary>
public sealed record SignInResponse(bool Redirect, string Token, UserDto User);

/// <summary>POST /is-username-available.</summary>
public sealed record UsernameAvailabilityResponse(bool Available);

/// <summary>GET /get-session (or JSON null).</summary>
public sealed record SessionResponse(SessionDto Session, UserDto User);

/// <summary>POST /sign-out.</summary>
public sealed record SuccessResponse(bool Success);

/// <summary>GET /ok.</summary>
public sealed record OkResponse(bool Ok);
