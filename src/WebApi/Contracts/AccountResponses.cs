using AuthPlatform.Application.Common.Models;

namespace AuthPlatform.WebApi.Contracts;

/// <summary>{status: true}: revoke-session, revoke-sessions, revoke-other-sessions, update-user.</summary>
public sealed record StatusResponse(bool Status);

/// <summary>POST /change-password: the new session's token (also set as the cookie) and the user.</summary>
public sealed record ChangePasswordResponse(string Token, UserDto User);
